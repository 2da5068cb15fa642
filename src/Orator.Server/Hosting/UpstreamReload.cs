using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Orator.Gateway.Configuration;
using Orator.Gateway.Routing;

namespace Orator.Server.Hosting;

/// <summary>
/// Re-reads <c>Orator:Upstreams</c> from the same sources, in the same order, as startup (files,
/// environment, the server's command line) and puts it in force: on SIGHUP, like the model store.
/// A configuration with any problem is logged, problem by problem, and the upstreams in force stay.
/// </summary>
internal sealed partial class UpstreamReload(IReadOnlyList<string> args, UpstreamGateway gateway, ILogger logger)
{
    /// <summary>Reads and applies the upstream settings; never throws for a bad configuration.</summary>
    public void Reload()
    {
        IDictionary<string, UpstreamOptions>? options;
        try
        {
            var configuration = OratorConfiguration.Build(args);
            if (OratorOptionsValidator.CheckTypes(configuration) is { Count: > 0 } unreadable)
            {
                Rejected(unreadable.Values);
                return;
            }

            options = configuration.GetSection(UpstreamSettings.SectionName).Get<Dictionary<string, UpstreamOptions>>();
        }
        catch (Exception ex) when (ex is OratorConfigurationException or InvalidOperationException or IOException)
        {
            Rejected([ex.Message]);
            return;
        }

        var (upstreams, problems) = UpstreamSettings.Read(options, Environment.GetEnvironmentVariable);
        if (problems.Count > 0)
        {
            Rejected(problems);
            return;
        }

        var changes = gateway.Reload(upstreams);
        LogReloaded(logger, gateway.Upstreams.Count, changes.Added, changes.Removed, changes.Changed);
        // New upstreams' voice lists, in the background: discovery never holds up a reload.
        _ = gateway.RefreshVoicesAsync(CancellationToken.None);
    }

    private void Rejected(IEnumerable<string> problems)
    {
        foreach (var problem in problems)
        {
            LogRejected(logger, problem);
        }
    }

    [LoggerMessage(EventId = 6020, Level = LogLevel.Information, Message = "Upstreams reloaded: {Count} in force; added [{Added}]; removed [{Removed}]; changed [{Changed}]")]
    private static partial void LogReloaded(ILogger logger, int count, IReadOnlyList<string> added, IReadOnlyList<string> removed, IReadOnlyList<string> changed);

    [LoggerMessage(EventId = 6021, Level = LogLevel.Error, Message = "Upstream settings not reloaded (the ones in force stay): {Problem}")]
    private static partial void LogRejected(ILogger logger, string problem);
}
