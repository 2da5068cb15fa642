using Prometheus;
using Orator.Server.Hosting;
using Orator.Speech.Hosting;

namespace Orator.Server.Observability;

/// <summary>
/// The server's Prometheus metrics, in a registry of its own: tests and benchmarks run several
/// servers in one process, and each must count only its own requests.
/// </summary>
internal sealed class OratorMetrics
{
    /// <summary>Label value for requests that matched no endpoint.</summary>
    public const string UnmatchedRoute = "unmatched";

    // 5 ms .. 10 s: a warm short sentence answers in tens of ms, a queued one in seconds.
    private static readonly double[] LatencyBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    /// <summary>Creates the metrics; gauges that mirror the worker pool are read at scrape time.</summary>
    public OratorMetrics(EngineHost engines)
    {
        ArgumentNullException.ThrowIfNull(engines);
        Registry = Metrics.NewCustomRegistry();
        var factory = Metrics.WithCustomRegistry(Registry);
        Requests = factory.CreateCounter("orator_requests_total", "HTTP requests answered.", "route", "model", "engine", "format", "status");
        TimeToFirstAudio = factory.CreateHistogram(
            "orator_time_to_first_audio_seconds",
            "Time from request arrival to the first audio (response headers) of a speech request.",
            new HistogramConfiguration { LabelNames = ["engine", "format"], Buckets = LatencyBuckets });
        RequestDuration = factory.CreateHistogram(
            "orator_request_duration_seconds",
            "Time from request arrival to the end of the response.",
            new HistogramConfiguration { LabelNames = ["route", "status"], Buckets = LatencyBuckets });
        Characters = factory.CreateCounter("orator_characters_synthesized_total", "Input characters (Unicode code points) of completed speech requests.", "engine");
        AudioSeconds = factory.CreateCounter("orator_audio_seconds_total", "Seconds of audio sent.", "engine", "format");
        ActiveStreams = factory.CreateGauge("orator_active_streams", "Speech responses currently streaming audio.");
        var queueDepth = factory.CreateGauge("orator_queue_depth", "Speech requests waiting for a free engine worker.");
        var workers = factory.CreateGauge("orator_engine_workers", "Live engine worker processes.");
        var restarts = factory.CreateCounter("orator_engine_worker_restarts_total", "Engine workers replaced after dying or misbehaving.");
        Registry.AddBeforeCollectCallback(() =>
        {
            queueDepth.Set(engines.Pool?.Waiting ?? 0);
            workers.Set(engines.Pool?.ProcessIds.Count ?? 0);
            restarts.IncTo(engines.Pool?.Restarts ?? 0);
        });
    }

    /// <summary>The registry <c>/metrics</c> exports.</summary>
    public CollectorRegistry Registry { get; }

    /// <summary><c>orator_requests_total{route,model,engine,format,status}</c>.</summary>
    public Counter Requests { get; }

    /// <summary><c>orator_time_to_first_audio_seconds{engine,format}</c>.</summary>
    public Histogram TimeToFirstAudio { get; }

    /// <summary><c>orator_request_duration_seconds{route,status}</c>.</summary>
    public Histogram RequestDuration { get; }

    /// <summary><c>orator_characters_synthesized_total{engine}</c>.</summary>
    public Counter Characters { get; }

    /// <summary><c>orator_audio_seconds_total{engine,format}</c>.</summary>
    public Counter AudioSeconds { get; }

    /// <summary><c>orator_active_streams</c>.</summary>
    public Gauge ActiveStreams { get; }
}
