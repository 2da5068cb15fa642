namespace Orator.Gateway.Upstreams;

/// <summary>Whether an upstream is being sent requests (values are the gauge's).</summary>
public enum CircuitState
{
    /// <summary>Requests go through.</summary>
    Closed = 0,

    /// <summary>The wait is over: the next request is a probe; until it ends, no other goes through.</summary>
    HalfOpen = 1,

    /// <summary>Left out until a time (failures, a 429's Retry-After, a refused key).</summary>
    Open = 2,
}

/// <summary>Names of <see cref="CircuitState"/> for people (listings) and the gauge's values they stand for.</summary>
public static class CircuitStates
{
    /// <summary><c>closed</c>, <c>half-open</c> or <c>open</c>.</summary>
    public static string Label(CircuitState state) => state switch
    {
        CircuitState.Closed => "closed",
        CircuitState.HalfOpen => "half-open",
        CircuitState.Open => "open",
        _ => "unknown",
    };

    /// <summary>The state a gauge value (<c>orator_upstream_circuit_state</c>) stands for, or null for a value that is none.</summary>
    public static CircuitState? FromGauge(double value) => value switch
    {
        0 => CircuitState.Closed,
        1 => CircuitState.HalfOpen,
        2 => CircuitState.Open,
        _ => null,
    };
}
