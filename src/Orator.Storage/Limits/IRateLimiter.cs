using Orator.Storage.Keys;

namespace Orator.Storage.Limits;

/// <summary>
/// Per-key counters held in the database, so every instance on one database shares them. A
/// reservation either counts against every applicable window or against none.
/// </summary>
public interface IRateLimiter
{
    /// <summary>
    /// Reserves <paramref name="requests"/> requests and <paramref name="characters"/> characters
    /// for <paramref name="keyId"/> at <paramref name="now"/> against <paramref name="limits"/>.
    /// Exact under concurrency: N parallel callers against a limit of N all succeed, the N+1th does not.
    /// </summary>
    Task<RateDecision> TryReserveAsync(string keyId, KeyLimits limits, long requests, long characters, DateTimeOffset now, CancellationToken cancellationToken);
}
