namespace Orator.Storage.Limits;

/// <summary>The outcome of <see cref="IRateLimiter.TryReserveAsync"/>.</summary>
/// <param name="Refusal">None when the reservation was made (and counted).</param>
/// <param name="RetryAfter">When refused: how long until the exhausted window starts over.</param>
/// <param name="Requests">The per-minute request window, when that limit applies.</param>
/// <param name="Characters">The tightest character window, when a character limit applies.</param>
public sealed record RateDecision(RateRefusal Refusal, TimeSpan RetryAfter, WindowState? Requests, WindowState? Characters)
{
    /// <summary>True when the reservation was made.</summary>
    public bool Allowed => Refusal == RateRefusal.None;

    /// <summary>When refused: the window whose limit was reached (a day and a month quota can both end tomorrow, so <see cref="RetryAfter"/> cannot tell them apart).</summary>
    public RateWindow RefusedWindow { get; init; }
}
