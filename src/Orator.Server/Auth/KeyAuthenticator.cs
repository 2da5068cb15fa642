using System.Collections.Concurrent;
using Orator.Storage.Keys;

namespace Orator.Server.Auth;

/// <summary>
/// Verifies bearer keys: stored keys (<c>sk-orator-{id}_{secret}</c>: one row by id, HMAC of the
/// secret compared in constant time) and the static <c>ORATOR_API_KEYS</c>. Rows, including
/// "no such id", are cached for <see cref="CacheTtl"/>, so a repeat request costs one HMAC and a
/// dictionary look-up, and a revocation, rotation or expiry made elsewhere (CLI, another instance)
/// takes effect within that time. Changes made through this instance's admin API apply at once.
/// </summary>
internal sealed class KeyAuthenticator(ApiKeyValidator staticKeys, IKeyStore? store, TimeSpan cacheTtl, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, CachedRow> _rows = new(StringComparer.Ordinal);
    private CachedCount _count = new(-1, 0); // -1: not read yet

    /// <summary>How long a key row read from the store is trusted.</summary>
    public TimeSpan CacheTtl => cacheTtl;

    /// <summary>The static keys.</summary>
    public ApiKeyValidator StaticKeys => staticKeys;

    /// <summary>
    /// True when no static key is configured and the store holds no key at all (revoked ones count:
    /// once an operator has made a key, the server stays closed).
    /// </summary>
    public async ValueTask<bool> IsOpenAsync(CancellationToken cancellationToken)
    {
        if (!staticKeys.IsOpen)
        {
            return false;
        }

        if (store is null)
        {
            return true;
        }

        var count = _count;
        if (count.Count > 0)
        {
            return false; // keys are never deleted, so "closed" never goes back to "open"
        }

        if (count.Count < 0 || clock.GetTimestamp() - count.ReadAt > cacheTtl.TotalSeconds * clock.TimestampFrequency)
        {
            count = new CachedCount(await store.CountAsync(cancellationToken), clock.GetTimestamp());
            _count = count;
        }

        return count.Count == 0;
    }

    /// <summary>Authenticates a presented bearer token.</summary>
    public async ValueTask<AuthOutcome> AuthenticateAsync(string presented, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(presented);
        if (store is not null && ApiKeySecret.TryParse(presented, out var id, out _))
        {
            var record = await FindAsync(id, cancellationToken);
            // The secret span cannot live across the await above, so the key is split again.
            if (record is not null && ApiKeySecret.TryParse(presented, out _, out var secret) && ApiKeySecret.Verify(record.Salt, record.Hash, secret))
            {
                var now = clock.GetUtcNow();
                return record.RevokedAt is not null ? new AuthOutcome(null, AuthRefusal.Revoked, record.Id)
                    : record.ExpiresAt is { } expires && now >= expires ? new AuthOutcome(null, AuthRefusal.Expired, record.Id)
                    : new AuthOutcome(new Caller(record.Id, record), AuthRefusal.None);
            }
        }

        return !staticKeys.IsOpen && staticKeys.IsValid(presented)
            ? new AuthOutcome(Caller.Static, AuthRefusal.None)
            : new AuthOutcome(null, AuthRefusal.Unknown);
    }

    /// <summary>Forgets a cached row so the next request reads it again (after an admin change here).</summary>
    public void Invalidate(string id)
    {
        _rows.TryRemove(id, out _);
        _count = new CachedCount(-1, 0);
    }

    private async ValueTask<ApiKeyRecord?> FindAsync(string id, CancellationToken cancellationToken)
    {
        var now = clock.GetTimestamp();
        if (_rows.TryGetValue(id, out var cached) && now - cached.ReadAt <= cacheTtl.TotalSeconds * clock.TimestampFrequency)
        {
            return cached.Record;
        }

        var record = await store!.FindAsync(id, cancellationToken);
        // Unknown ids are cached too, so guessing cannot make every request a database read;
        // the dictionary is bounded so guessing cannot grow it without end either.
        if (_rows.Count > 100_000)
        {
            _rows.Clear();
        }

        _rows[id] = new CachedRow(record, now);
        return record;
    }

    private sealed record CachedRow(ApiKeyRecord? Record, long ReadAt);

    private sealed record CachedCount(long Count, long ReadAt);
}
