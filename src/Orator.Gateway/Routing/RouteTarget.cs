using Orator.Gateway.Configuration;
using Orator.Gateway.Upstreams;

namespace Orator.Gateway.Routing;

/// <summary>One backend a model can be served by: the local engines, or an upstream under its name for the model.</summary>
/// <param name="Upstream">The upstream, or null for the local engines.</param>
/// <param name="UpstreamModel">The upstream's name for the model (the asked name for the local engines).</param>
public readonly record struct RouteTarget(UpstreamClient? Upstream, string UpstreamModel)
{
    /// <summary>True for the local engines.</summary>
    public bool IsLocal => Upstream is null;

    /// <summary>The backend's id: <c>local</c> or the upstream's name (usage, metrics, headers).</summary>
    public string BackendId => Upstream?.Name ?? UpstreamSettings.LocalName;
}
