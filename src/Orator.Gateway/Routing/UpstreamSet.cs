using Orator.Gateway.Configuration;
using Orator.Gateway.Upstreams;

namespace Orator.Gateway.Routing;

/// <summary>The upstreams in force and, for each model they serve, which of them serve it in priority order. Immutable: a reload builds a new one.</summary>
internal sealed class UpstreamSet
{
    private readonly Dictionary<string, List<RouteTarget>> _byModel = new(StringComparer.Ordinal);

    public UpstreamSet(IReadOnlyList<UpstreamClient> clients)
    {
        Clients = clients;
        foreach (var client in clients.OrderBy(c => c.Definition.Limits.Priority).ThenBy(c => c.Name, StringComparer.Ordinal))
        {
            foreach (var (local, upstream) in client.Definition.Models)
            {
                if (!_byModel.TryGetValue(local, out var targets))
                {
                    _byModel[local] = targets = [];
                    Models.Add(new UpstreamModel(local, client.Name));
                }

                targets.Add(new RouteTarget(client, upstream));
            }
        }
    }

    public static UpstreamSet Empty { get; } = new([]);

    public IReadOnlyList<UpstreamClient> Clients { get; }

    /// <summary>Every model upstreams serve, with the first upstream serving it, in configured order.</summary>
    public List<UpstreamModel> Models { get; } = [];

    public IReadOnlyList<RouteTarget> For(string model) => _byModel.TryGetValue(model, out var targets) ? targets : [];
}

/// <summary>A model served upstream and the upstream that serves it first.</summary>
/// <param name="Id">The model id clients use.</param>
/// <param name="Owner">The upstream's name (<c>owned_by</c>).</param>
public sealed record UpstreamModel(string Id, string Owner);
