namespace Orator.Gateway.Configuration;

/// <summary>The defaults of the upstream settings, in one place for the options, the validator and the docs.</summary>
public static class UpstreamDefaults
{
    /// <summary>An upstream's priority when none is set: before the local engines' default.</summary>
    public const int Priority = 10;

    /// <summary>The local engines' priority when <c>Orator:LocalPriority</c> is not set: after upstreams, as their fallback.</summary>
    public const int LocalPriority = 100;

    /// <summary>Seconds to the first byte.</summary>
    public const double TimeoutSeconds = 10;

    /// <summary>Consecutive failures that open a circuit.</summary>
    public const int FailureThreshold = 3;

    /// <summary>Seconds a circuit stays open.</summary>
    public const double OpenSeconds = 30;

    /// <summary>Seconds an upstream that refused Orator's key (401/403) is left out before it is tried again.</summary>
    public const double AuthFailureSeconds = 300;
}
