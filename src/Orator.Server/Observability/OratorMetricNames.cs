namespace Orator.Server.Observability;

/// <summary>Names of the metrics other programs read back (<c>orator upstreams list --server</c>), spelled once.</summary>
public static class OratorMetricNames
{
    /// <summary>Each upstream's circuit: 0 closed, 1 half-open, 2 open (<see cref="Gateway.Upstreams.CircuitStates.FromGauge"/>).</summary>
    public const string UpstreamCircuitState = "orator_upstream_circuit_state";

    /// <summary>Requests in flight to each upstream.</summary>
    public const string UpstreamInFlight = "orator_upstream_in_flight";

    /// <summary>The label naming the upstream on the upstream gauges.</summary>
    public const string UpstreamLabel = "upstream";
}
