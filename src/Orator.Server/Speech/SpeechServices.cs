using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orator.Gateway.Routing;
using Orator.Server.Hosting;
using Orator.Server.Observability;
using Orator.Speech.Caching;

namespace Orator.Server.Speech;

/// <summary>What rendering a speech request on its backends uses: one instance per server.</summary>
internal sealed class SpeechServices(SpeechAdmission admission, RenderCache cache, UpstreamGateway gateway, OratorMetrics metrics, IOptions<OratorOptions> options, ILoggerFactory loggers)
{
    /// <summary>Bounds the requests waiting for the local engines.</summary>
    public SpeechAdmission Admission { get; } = admission;

    /// <summary>Renders kept for replay.</summary>
    public RenderCache Cache { get; } = cache;

    /// <summary>The upstreams and routes.</summary>
    public UpstreamGateway Gateway { get; } = gateway;

    /// <summary>Prometheus metrics.</summary>
    public OratorMetrics Metrics { get; } = metrics;

    /// <summary>The speech log.</summary>
    public ILogger Logger { get; } = loggers.CreateLogger("Orator.Speech");

    /// <summary>The upstream log.</summary>
    public ILogger UpstreamLogger { get; } = loggers.CreateLogger("Orator.Upstreams");

    /// <summary>Whether spoken text may be logged (debug).</summary>
    public bool IncludeText { get; } = options.Value.Logging.IncludeText;
}
