using Microsoft.Extensions.Logging;
using Orator.Gateway.Configuration;
using Orator.Gateway.Upstreams;

namespace Orator.Gateway.Routing;

/// <summary>
/// The upstreams in force and the route of every model: which backends (the local engines and
/// upstreams) serve it, in priority order (lower first; on a tie the local engines go first).
/// <see cref="Reload"/> swaps the set at once; an upstream whose definition did not change keeps its
/// client and circuit, and a replaced one is disposed when the gateway is.
/// </summary>
public sealed partial class UpstreamGateway : IDisposable
{
    private readonly Lock _gate = new();
    private readonly List<UpstreamClient> _retired = [];
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private volatile UpstreamSet _set = UpstreamSet.Empty;

    /// <summary>Creates the gateway with <paramref name="upstreams"/>; the local engines have <paramref name="localPriority"/>.</summary>
    public UpstreamGateway(IReadOnlyList<UpstreamDefinition> upstreams, int localPriority, TimeProvider time, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(upstreams);
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        LocalPriority = localPriority;
        Reload(upstreams);
    }

    /// <summary>The local engines' priority.</summary>
    public int LocalPriority { get; }

    /// <summary>The upstreams in force, by name.</summary>
    public IReadOnlyList<UpstreamClient> Upstreams => _set.Clients;

    /// <summary>Models served upstream, each with its first upstream.</summary>
    public IReadOnlyList<UpstreamModel> Models => _set.Models;

    /// <summary>True when <paramref name="model"/> is served by some upstream.</summary>
    public bool Serves(string model) => _set.For(model).Count > 0;

    /// <summary>
    /// The backends of <paramref name="model"/> in the order they are tried; the local engines take
    /// part when <paramref name="servedLocally"/> (the local catalog knows the model).
    /// </summary>
    public IReadOnlyList<RouteTarget> Route(string model, bool servedLocally)
    {
        ArgumentNullException.ThrowIfNull(model);
        var upstream = _set.For(model);
        if (!servedLocally)
        {
            return upstream;
        }

        var targets = new List<RouteTarget>(upstream.Count + 1);
        var placed = false;
        foreach (var target in upstream)
        {
            if (!placed && LocalPriority <= target.Upstream!.Definition.Limits.Priority)
            {
                targets.Add(new RouteTarget(null, model));
                placed = true;
            }

            targets.Add(target);
        }

        if (!placed)
        {
            targets.Add(new RouteTarget(null, model));
        }

        return targets;
    }

    /// <summary>Puts <paramref name="upstreams"/> in force; returns the names added, removed and changed.</summary>
    public UpstreamChanges Reload(IReadOnlyList<UpstreamDefinition> upstreams)
    {
        ArgumentNullException.ThrowIfNull(upstreams);
        lock (_gate)
        {
            var current = _set.Clients.ToDictionary(c => c.Name, StringComparer.Ordinal);
            var clients = new List<UpstreamClient>();
            List<string> added = [], changed = [];
            foreach (var definition in upstreams)
            {
                if (current.Remove(definition.Name, out var existing) && existing.Definition.SameAs(definition))
                {
                    clients.Add(existing);
                    continue;
                }

                (existing is null ? added : changed).Add(definition.Name);
                if (existing is not null)
                {
                    _retired.Add(existing);
                }

                clients.Add(new UpstreamClient(definition, _time));
            }

            _retired.AddRange(current.Values);
            _set = new UpstreamSet(clients);
            var changes = new UpstreamChanges(added, [.. current.Keys.Order(StringComparer.Ordinal)], changed);
            foreach (var client in clients.Where(c => added.Contains(c.Name) || changed.Contains(c.Name)))
            {
                LogUpstream(_logger, client.Name, client.Definition.BaseUri, client.Definition.ModelList, client.Definition.Limits.Priority);
            }

            return changes;
        }
    }

    /// <summary>Asks every upstream for its voices (a failure leaves its fallback list); never throws for an upstream's fault.</summary>
    public Task RefreshVoicesAsync(CancellationToken cancellationToken) =>
        Task.WhenAll(_set.Clients.Select(c => c.RefreshVoicesAsync(cancellationToken)));

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_gate)
        {
            foreach (var client in _set.Clients.Concat(_retired))
            {
                client.Dispose();
            }

            _retired.Clear();
            _set = UpstreamSet.Empty;
        }
    }

    [LoggerMessage(EventId = 6000, Level = LogLevel.Information, Message = "Upstream {Upstream} at {BaseUrl} serves {Models} (priority {Priority})")]
    private static partial void LogUpstream(ILogger logger, string upstream, Uri baseUrl, string models, int priority);
}

/// <summary>What a reload changed.</summary>
/// <param name="Added">Upstreams that are new.</param>
/// <param name="Removed">Upstreams no longer configured.</param>
/// <param name="Changed">Upstreams whose settings changed (their circuits start closed).</param>
public sealed record UpstreamChanges(IReadOnlyList<string> Added, IReadOnlyList<string> Removed, IReadOnlyList<string> Changed)
{
    /// <summary>True when nothing changed.</summary>
    public bool None => Added.Count == 0 && Removed.Count == 0 && Changed.Count == 0;
}
