namespace Orator.Storage.Limits;

/// <summary>The state of one limit after a reservation, for the <c>x-ratelimit-*</c> headers.</summary>
/// <param name="Limit">The limit in the window.</param>
/// <param name="Remaining">What is left in the window after this reservation; when refused, what was left before it (less than the request needed).</param>
/// <param name="Reset">Time until the window starts over.</param>
public readonly record struct WindowState(long Limit, long Remaining, TimeSpan Reset);
