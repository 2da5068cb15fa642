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
