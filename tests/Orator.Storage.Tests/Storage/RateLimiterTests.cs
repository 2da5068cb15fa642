using Orator.Storage.Keys;
using Orator.Storage.Limits;
using Orator.Storage.Tests.Infrastructure;

namespace Orator.Storage.Tests.Storage;

public abstract class RateLimiterTests : StorageTestBase
{
    private static readonly DateTimeOffset Noon = new(2030, 3, 15, 12, 0, 10, TimeSpan.Zero);

    [Fact]
    public async Task Parallel_reservations_against_a_limit_of_n_let_exactly_n_through()
    {
        var limits = new KeyLimits(RequestsPerMinute: 25);

        var decisions = await Task.WhenAll(Enumerable.Range(0, 80).Select(_ => Task.Run(() =>
            Storage.Limiter.TryReserveAsync("k1", limits, 1, 0, Noon, CancellationToken.None))));

        Assert.Equal(25, decisions.Count(d => d.Allowed));
        Assert.All(decisions.Where(d => !d.Allowed), d => Assert.Equal(RateRefusal.RateLimit, d.Refusal));
        Assert.Equal(Enumerable.Range(0, 25).Select(i => (long)i).ToHashSet(), decisions.Where(d => d.Allowed).Select(d => d.Requests!.Value.Remaining).ToHashSet());
    }

    [Fact]
    public async Task Parallel_character_reservations_never_spend_past_the_quota()
    {
        var limits = new KeyLimits(CharactersPerDay: 100);

        var decisions = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Task.Run(() =>
            Storage.Limiter.TryReserveAsync("k1", limits, 0, 7, Noon, CancellationToken.None))));

        Assert.Equal(14, decisions.Count(d => d.Allowed)); // 14 * 7 = 98; a 15th would be 105
        Assert.All(decisions.Where(d => !d.Allowed), d => Assert.Equal(RateRefusal.Quota, d.Refusal));
        var last = await Storage.Limiter.TryReserveAsync("k1", limits, 0, 2, Noon, CancellationToken.None);
        Assert.True(last.Allowed);
        Assert.Equal(0, last.Characters!.Value.Remaining);
    }

    [Fact]
    public async Task A_refused_reservation_spends_nothing_in_any_window()
    {
        var limits = new KeyLimits(CharactersPerMinute: 1000, CharactersPerDay: 10);

        Assert.False((await Storage.Limiter.TryReserveAsync("k1", limits, 0, 11, Noon, CancellationToken.None)).Allowed);
        var fits = await Storage.Limiter.TryReserveAsync("k1", limits, 0, 10, Noon, CancellationToken.None);

        Assert.True(fits.Allowed);
        Assert.Equal(0, fits.Characters!.Value.Remaining);
    }

    [Fact]
    public async Task The_minute_window_starts_over_and_the_refusal_says_when()
    {
        var limits = new KeyLimits(RequestsPerMinute: 1);
        Assert.True((await Storage.Limiter.TryReserveAsync("k1", limits, 1, 0, Noon, CancellationToken.None)).Allowed);

        var refused = await Storage.Limiter.TryReserveAsync("k1", limits, 1, 0, Noon, CancellationToken.None);
        var nextMinute = await Storage.Limiter.TryReserveAsync("k1", limits, 1, 0, Noon.AddSeconds(50), CancellationToken.None);

        Assert.False(refused.Allowed);
        Assert.Equal(RateWindow.Minute, refused.RefusedWindow);
        Assert.Equal(TimeSpan.FromSeconds(50), refused.RetryAfter);
        Assert.True(nextMinute.Allowed);
    }

    [Fact]
    public async Task Daily_and_monthly_quotas_refuse_with_the_quota_kind_until_their_window_ends()
    {
        var limits = new KeyLimits(CharactersPerDay: 50, CharactersPerMonth: 80);
        Assert.True((await Storage.Limiter.TryReserveAsync("k1", limits, 0, 50, Noon, CancellationToken.None)).Allowed);

        var sameDay = await Storage.Limiter.TryReserveAsync("k1", limits, 0, 1, Noon.AddHours(1), CancellationToken.None);
        var nextDay = await Storage.Limiter.TryReserveAsync("k1", limits, 0, 30, Noon.AddDays(1), CancellationToken.None);
        var monthFull = await Storage.Limiter.TryReserveAsync("k1", limits, 0, 1, Noon.AddDays(2), CancellationToken.None);
        var nextMonth = await Storage.Limiter.TryReserveAsync("k1", limits, 0, 1, new DateTimeOffset(2030, 4, 1, 0, 0, 1, TimeSpan.Zero), CancellationToken.None);

        Assert.Equal(RateRefusal.Quota, sameDay.Refusal);
        Assert.Equal(TimeSpan.FromHours(11) - TimeSpan.FromSeconds(10), sameDay.RetryAfter);
        Assert.True(nextDay.Allowed);
        Assert.Equal(RateRefusal.Quota, monthFull.Refusal);
        Assert.True(nextMonth.Allowed);
    }

    [Fact]
    public async Task On_the_last_day_of_a_month_a_refusal_still_names_the_window_that_ran_out()
    {
        // Both windows end at midnight here, so the time to retry cannot tell them apart.
        var lastDay = new DateTimeOffset(2030, 3, 31, 18, 0, 0, TimeSpan.Zero);
        var limits = new KeyLimits(CharactersPerDay: 50, CharactersPerMonth: 60);
        Assert.True((await Storage.Limiter.TryReserveAsync("k1", limits, 0, 30, lastDay.AddDays(-1), CancellationToken.None)).Allowed);

        var month = await Storage.Limiter.TryReserveAsync("k1", limits, 0, 40, lastDay, CancellationToken.None);
        var day = await Storage.Limiter.TryReserveAsync("k2", limits, 0, 51, lastDay, CancellationToken.None);

        Assert.Equal((RateRefusal.Quota, RateWindow.Month, TimeSpan.FromHours(6)), (month.Refusal, month.RefusedWindow, month.RetryAfter));
        Assert.Equal((RateRefusal.Quota, RateWindow.Day, TimeSpan.FromHours(6)), (day.Refusal, day.RefusedWindow, day.RetryAfter));
        Assert.Equal(30, month.Characters!.Value.Remaining); // what was left, which the request did not fit
    }

    [Fact]
    public async Task Keys_have_separate_counters_and_unlimited_keys_touch_nothing()
    {
        var limits = new KeyLimits(RequestsPerMinute: 1);
        Assert.True((await Storage.Limiter.TryReserveAsync("k1", limits, 1, 0, Noon, CancellationToken.None)).Allowed);
        Assert.True((await Storage.Limiter.TryReserveAsync("k2", limits, 1, 0, Noon, CancellationToken.None)).Allowed);

        var unlimited = await Storage.Limiter.TryReserveAsync("k3", KeyLimits.None, 1, 500, Noon, CancellationToken.None);
        Assert.True(unlimited.Allowed);
        Assert.Null(unlimited.Requests);
        Assert.Null(unlimited.Characters);
    }

    [Fact]
    public async Task Two_storage_instances_on_one_database_share_the_counters()
    {
        await using var other = await OratorStorage.OpenAsync(Options);
        var limits = new KeyLimits(RequestsPerMinute: 10);

        var decisions = await Task.WhenAll(Enumerable.Range(0, 30).Select(i => Task.Run(() =>
            (i % 2 == 0 ? Storage : other).Limiter.TryReserveAsync("shared", limits, 1, 0, Noon, CancellationToken.None))));

        Assert.Equal(10, decisions.Count(d => d.Allowed));
    }
}

public sealed class SqliteRateLimiterTests : RateLimiterTests
{
    protected override DatabaseTarget Target => DatabaseTarget.Sqlite;
}

public sealed class PostgresRateLimiterTests : RateLimiterTests
{
    protected override DatabaseTarget Target => DatabaseTarget.Postgres;
}
