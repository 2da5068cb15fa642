namespace Orator.Gateway.Configuration;

/// <summary>An upstream's numeric settings, resolved.</summary>
/// <param name="Priority">Lower is tried first.</param>
/// <param name="Timeout">To the first byte, and the longest gap between bytes after it.</param>
/// <param name="MaxConcurrency">Requests in flight at once; 0 = no limit.</param>
/// <param name="FailureThreshold">Consecutive failures that open the circuit.</param>
/// <param name="OpenFor">How long an open circuit waits before one probe.</param>
public sealed record UpstreamLimits(int Priority, TimeSpan Timeout, int MaxConcurrency, int FailureThreshold, TimeSpan OpenFor);
