using Prometheus;
using Orator.Gateway.Routing;
using Orator.Server.Hosting;
using Orator.Speech.Caching;
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
    public OratorMetrics(EngineHost engines, RenderCache cache, UpstreamGateway gateway)
    {
        ArgumentNullException.ThrowIfNull(engines);
        ArgumentNullException.ThrowIfNull(cache);
        ArgumentNullException.ThrowIfNull(gateway);
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
        var cacheHits = factory.CreateCounter("orator_cache_hits_total", "Speech requests answered from the render cache.");
        var cacheMisses = factory.CreateCounter("orator_cache_misses_total", "Speech requests the render cache did not hold, rendered (and stored if they completed).");
        var cacheEvictions = factory.CreateCounter("orator_cache_evictions_total", "Cached renders dropped to stay within a budget.");
        var cacheBytes = factory.CreateGauge("orator_cache_bytes", "Bytes of cached renders held, by tier.", "tier");
        var cacheEntries = factory.CreateGauge("orator_cache_entries", "Cached renders held, by tier.", "tier");
        UpstreamRequests = factory.CreateCounter("orator_upstream_requests_total", "Speech requests sent to an upstream, by how they ended (completed, client_error, failed_before_audio, failed_after_audio, client_gone).", "upstream", "outcome");
        UpstreamFailures = factory.CreateCounter("orator_upstream_failures_total", "Upstream calls that failed, by reason (refused, reset, timeout, server_error, rate_limited, unauthorized, misconfigured, empty_body, stalled, cut_short).", "upstream", "reason");
        Failovers = factory.CreateCounter("orator_upstream_failovers_total", "Speech requests moved from a backend to the next one before any audio, by the backend left and why (its failure, circuit_open, busy, queue_full).", "from", "reason");
        UpstreamFirstByte = factory.CreateHistogram(
            "orator_upstream_time_to_first_byte_seconds",
            "Time from sending a request to an upstream to its first audio byte.",
            new HistogramConfiguration { LabelNames = ["upstream"], Buckets = LatencyBuckets });
        var circuit = factory.CreateGauge(OratorMetricNames.UpstreamCircuitState, "Each upstream's circuit: 0 closed, 1 half-open (probing), 2 open.", OratorMetricNames.UpstreamLabel);
        var inFlight = factory.CreateGauge(OratorMetricNames.UpstreamInFlight, "Requests in flight to each upstream.", OratorMetricNames.UpstreamLabel);
        var shown = new HashSet<string>(StringComparer.Ordinal);
        Registry.AddBeforeCollectCallback(() =>
        {
            var current = new HashSet<string>(StringComparer.Ordinal);
            foreach (var upstream in gateway.Upstreams)
            {
                current.Add(upstream.Name);
                circuit.WithLabels(upstream.Name).Set((int)upstream.Circuit.State);
                inFlight.WithLabels(upstream.Name).Set(upstream.InFlight);
            }

            // An upstream removed by a reload leaves the gauges rather than stay frozen there.
            foreach (var gone in shown.Except(current))
            {
                circuit.RemoveLabelled(gone);
                inFlight.RemoveLabelled(gone);
            }

            shown.Clear();
            shown.UnionWith(current);
            queueDepth.Set(engines.Pool?.Waiting ?? 0);
            workers.Set(engines.Pool?.ProcessIds.Count ?? 0);
            restarts.IncTo(engines.Pool?.Restarts ?? 0);
            cacheHits.IncTo(cache.Hits);
            cacheMisses.IncTo(cache.Misses);
            cacheEvictions.IncTo(cache.Evictions);
            cacheBytes.WithLabels("memory").Set(cache.MemoryBytes);
            cacheBytes.WithLabels("disk").Set(cache.DiskBytes);
            cacheEntries.WithLabels("memory").Set(cache.MemoryEntries);
            cacheEntries.WithLabels("disk").Set(cache.DiskEntries);
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

    /// <summary><c>orator_upstream_requests_total{upstream,outcome}</c>.</summary>
    public Counter UpstreamRequests { get; }

    /// <summary><c>orator_upstream_failures_total{upstream,reason}</c>.</summary>
    public Counter UpstreamFailures { get; }

    /// <summary><c>orator_upstream_failovers_total{from,reason}</c>.</summary>
    public Counter Failovers { get; }

    /// <summary><c>orator_upstream_time_to_first_byte_seconds{upstream}</c>.</summary>
    public Histogram UpstreamFirstByte { get; }

    /// <summary><c>orator_active_streams</c>.</summary>
    public Gauge ActiveStreams { get; }
}
