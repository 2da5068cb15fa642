using Orator.Server.Auth;
using Orator.Storage.Keys;
using Orator.Storage.Tests.Infrastructure;

namespace Orator.Storage.Tests.Auth;

/// <summary>
/// The key cache's bound, on a clock the test moves: a row read from the store is trusted for
/// exactly the cache time and read again after it, so a revocation made elsewhere takes effect
/// within that time. (The HTTP tests show the same end to end on the wall clock.)
/// </summary>
public sealed class KeyAuthenticatorCacheTests : StorageTestBase
{
    private static readonly TimeSpan Ttl = TimeSpan.FromSeconds(2);

    private readonly ManualClock _clock = new();

    protected override DatabaseTarget Target => DatabaseTarget.Sqlite;

    [Fact]
    public async Task A_revocation_made_elsewhere_is_seen_once_the_cached_row_is_older_than_the_cache_time()
    {
        var key = await Storage.Keys.CreateAsync(new NewKey("cached"), CancellationToken.None);
        var authenticator = new KeyAuthenticator(new ApiKeyValidator([]), Storage.Keys, Ttl, _clock);
        Assert.Equal(AuthRefusal.None, (await authenticator.AuthenticateAsync(key.Secret, CancellationToken.None)).Reason);

        Assert.True(await Storage.Keys.RevokeAsync(key.Record.Id, CancellationToken.None));
        _clock.Advance(Ttl);
        var stillCached = await authenticator.AuthenticateAsync(key.Secret, CancellationToken.None);
        _clock.Advance(TimeSpan.FromMilliseconds(1));
        var readAgain = await authenticator.AuthenticateAsync(key.Secret, CancellationToken.None);

        Assert.Equal(AuthRefusal.None, stillCached.Reason);
        Assert.Equal(AuthRefusal.Revoked, readAgain.Reason);
        Assert.Equal(key.Record.Id, readAgain.ProvenKeyId);
    }

    [Fact]
    public async Task A_server_without_keys_closes_once_a_key_made_elsewhere_is_older_than_the_cache_time()
    {
        var authenticator = new KeyAuthenticator(new ApiKeyValidator([]), Storage.Keys, Ttl, _clock);
        Assert.True(await authenticator.IsOpenAsync(CancellationToken.None));

        await Storage.Keys.CreateAsync(new NewKey("first"), CancellationToken.None);
        _clock.Advance(Ttl);
        var stillOpen = await authenticator.IsOpenAsync(CancellationToken.None);
        _clock.Advance(TimeSpan.FromMilliseconds(1));
        var closed = !await authenticator.IsOpenAsync(CancellationToken.None);

        Assert.True(stillOpen);
        Assert.True(closed);
    }

    [Fact]
    public async Task With_no_cache_time_every_request_reads_the_store()
    {
        var key = await Storage.Keys.CreateAsync(new NewKey("uncached"), CancellationToken.None);
        var authenticator = new KeyAuthenticator(new ApiKeyValidator([]), Storage.Keys, TimeSpan.Zero, _clock);
        Assert.Equal(AuthRefusal.None, (await authenticator.AuthenticateAsync(key.Secret, CancellationToken.None)).Reason);

        Assert.True(await Storage.Keys.RevokeAsync(key.Record.Id, CancellationToken.None));
        _clock.Advance(TimeSpan.FromTicks(1));

        Assert.Equal(AuthRefusal.Revoked, (await authenticator.AuthenticateAsync(key.Secret, CancellationToken.None)).Reason);
    }

    /// <summary>A clock that only moves when told to.</summary>
    private sealed class ManualClock : TimeProvider
    {
        private long _ticks = TimeSpan.FromDays(1).Ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => _ticks;

        public override DateTimeOffset GetUtcNow() => DateTimeOffset.UtcNow;

        public void Advance(TimeSpan by) => _ticks += by.Ticks;
    }
}
