namespace Orator.Server.Speech;

/// <summary>How one backend's attempt ended for the router: answered (whatever the answer), or move on.</summary>
/// <param name="Answered">True when the client has its answer (audio, an error, or a cut stream).</param>
/// <param name="Reason">Why the request moves on (a metric label), when it does.</param>
/// <param name="RetryAfter">When this backend may serve again, when it said.</param>
internal readonly record struct AttemptResult(bool Answered, string? Reason, TimeSpan? RetryAfter)
{
    /// <summary>The client has its answer.</summary>
    public static AttemptResult Done { get; } = new(true, null, null);

    /// <summary>Try the next backend.</summary>
    public static AttemptResult Next(string reason, TimeSpan? retryAfter = null) => new(false, reason, retryAfter);
}
