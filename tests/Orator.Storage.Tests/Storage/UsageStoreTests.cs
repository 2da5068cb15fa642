using Orator.Storage.Tests.Infrastructure;
using Orator.Storage.Usage;

namespace Orator.Storage.Tests.Storage;

public abstract class UsageStoreTests : StorageTestBase
{
    private static readonly DateTimeOffset Day1 = new(2030, 1, 31, 23, 59, 0, TimeSpan.Zero);

    private static UsageRecord Record(string id, string? key, string? model, long chars, double audio, int status, DateTimeOffset time) =>
        new(id, key, "/v1/audio/speech", model, "flite", "flite:slt", "mp3", chars, audio, 12.5, status, time);

    [Fact]
    public async Task Records_are_summed_by_key_model_and_utc_day()
    {
        await Storage.Usage.AppendAsync(
        [
            Record("r1", "kA", "tts-1", 10, 1.0, 200, Day1),
            Record("r2", "kA", "flite", 20, 2.0, 200, Day1.AddMinutes(2)),
            Record("r3", "kB", "tts-1", 5, 0.5, 429, Day1.AddMinutes(3)),
            Record("r4", null, null, 0, 0, 401, Day1.AddMinutes(4)),
        ], CancellationToken.None);

        var byKey = await Storage.Usage.SummarizeAsync(new UsageQuery(UsageGrouping.Key), CancellationToken.None);
        var byModel = await Storage.Usage.SummarizeAsync(new UsageQuery(UsageGrouping.Model, "kA"), CancellationToken.None);
        var byDay = await Storage.Usage.SummarizeAsync(new UsageQuery(UsageGrouping.Day), CancellationToken.None);
        var since = await Storage.Usage.SummarizeAsync(new UsageQuery(UsageGrouping.Key, Since: Day1.AddMinutes(2)), CancellationToken.None);

        Assert.Equal(new UsageSummary("kA", 2, 30, 3.0, 0), byKey.Single(r => r.Group == "kA"));
        Assert.Equal(new UsageSummary("kB", 1, 5, 0.5, 1), byKey.Single(r => r.Group == "kB"));
        Assert.Equal(new UsageSummary("(none)", 1, 0, 0, 1), byKey.Single(r => r.Group == "(none)"));
        Assert.Equal(["flite", "tts-1"], byModel.Select(r => r.Group).Order(StringComparer.Ordinal));
        Assert.Equal(["2030-01-31", "2030-02-01"], byDay.Select(r => r.Group));
        Assert.Equal(1, byDay[0].Requests);
        Assert.Equal(3, byDay[1].Requests);
        Assert.Equal(3, since.Sum(r => r.Requests));
    }

    [Fact]
    public async Task Appending_a_batch_again_does_not_count_it_twice()
    {
        UsageRecord[] batch = [Record("a", "k", "tts-1", 3, 1, 200, Day1), Record("b", "k", "tts-1", 4, 1, 200, Day1)];

        await Storage.Usage.AppendAsync(batch, CancellationToken.None);
        await Storage.Usage.AppendAsync(batch, CancellationToken.None);

        Assert.Equal(2, Assert.Single(await Storage.Usage.SummarizeAsync(new UsageQuery(UsageGrouping.Key), CancellationToken.None)).Requests);
    }

    [Fact]
    public async Task A_cache_hit_round_trips_and_each_grouping_counts_hits()
    {
        await Storage.Usage.AppendAsync(
        [
            Record("h1", "kA", "tts-1", 10, 1.0, 200, Day1) with { CacheHit = true },
            Record("h2", "kA", "tts-1", 20, 2.0, 200, Day1.AddMinutes(2)),
            Record("h3", "kA", "flite", 5, 0.5, 200, Day1.AddMinutes(3)) with { CacheHit = true },
            Record("h4", "kB", "tts-1", 7, 0.7, 200, Day1.AddMinutes(4)),
        ], CancellationToken.None);

        var recent = await Storage.Usage.RecentAsync("kA", 10, CancellationToken.None);
        var byKey = await Storage.Usage.SummarizeAsync(new UsageQuery(UsageGrouping.Key), CancellationToken.None);
        var byModel = await Storage.Usage.SummarizeAsync(new UsageQuery(UsageGrouping.Model), CancellationToken.None);
        var byDay = await Storage.Usage.SummarizeAsync(new UsageQuery(UsageGrouping.Day, "kA"), CancellationToken.None);

        Assert.Equal(Record("h1", "kA", "tts-1", 10, 1.0, 200, Day1) with { CacheHit = true }, recent.Single(r => r.RequestId == "h1"));
        Assert.Equal([true, false, true], recent.OrderBy(r => r.RequestId, StringComparer.Ordinal).Select(r => r.CacheHit));
        Assert.Equal(new UsageSummary("kA", 3, 35, 3.5, 0, 2), byKey.Single(r => r.Group == "kA"));
        Assert.Equal(new UsageSummary("kB", 1, 7, 0.7, 0, 0), byKey.Single(r => r.Group == "kB"));
        Assert.Equal(1, byModel.Single(r => r.Group == "tts-1").CacheHits);
        Assert.Equal(1, byModel.Single(r => r.Group == "flite").CacheHits);
        Assert.Equal([1L, 1L], byDay.Select(r => r.CacheHits));
    }

    [Fact]
    public async Task The_backend_round_trips_and_is_null_when_none_was_reached()
    {
        var served = Record("b1", "kA", "tts-1", 10, 1.0, 200, Day1) with { Backend = "gpu-box" };
        var refused = Record("b2", "kA", "tts-1", 0, 0, 429, Day1.AddMinutes(1));
        await Storage.Usage.AppendAsync([served, refused], CancellationToken.None);

        var recent = await Storage.Usage.RecentAsync("kA", 10, CancellationToken.None);

        Assert.Equal(served, recent.Single(r => r.RequestId == "b1"));
        Assert.Equal("gpu-box", recent.Single(r => r.RequestId == "b1").Backend);
        Assert.Null(recent.Single(r => r.RequestId == "b2").Backend);
    }

    [Fact]
    public async Task Records_are_summed_by_backend_with_records_that_reached_none_grouped_as_none()
    {
        await Storage.Usage.AppendAsync(
        [
            Record("g1", "kA", "tts-1", 10, 1.0, 200, Day1) with { Backend = "local" },
            Record("g2", "kA", "tts-1", 20, 2.0, 200, Day1.AddMinutes(1)) with { Backend = "local", CacheHit = true },
            Record("g3", "kA", "tts-1", 5, 0.5, 502, Day1.AddMinutes(2)) with { Backend = "gpu-box" },
            Record("g4", "kA", "tts-1", 8, 0.8, 200, Day1.AddMinutes(3)) with { Backend = "local" },
            Record("g5", "kB", "tts-1", 7, 0.7, 200, Day1.AddMinutes(4)) with { Backend = "openai" },
            Record("g6", "kA", "tts-1", 0, 0, 429, Day1.AddMinutes(5)),
            Record("g7", "kA", "tts-1", 0, 0, 401, Day1.AddMinutes(6)),
        ], CancellationToken.None);

        var byBackend = await Storage.Usage.SummarizeAsync(new UsageQuery(UsageGrouping.Backend), CancellationToken.None);
        var ofKeyA = await Storage.Usage.SummarizeAsync(new UsageQuery(UsageGrouping.Backend, "kA"), CancellationToken.None);
        var since = await Storage.Usage.SummarizeAsync(new UsageQuery(UsageGrouping.Backend, Since: Day1.AddMinutes(3)), CancellationToken.None);

        // Most requests first, then by name.
        Assert.Equal(
        [
            new UsageSummary("local", 3, 38, 3.8, 0, 1),
            new UsageSummary("(none)", 2, 0, 0, 2, 0),
            new UsageSummary("gpu-box", 1, 5, 0.5, 1, 0),
            new UsageSummary("openai", 1, 7, 0.7, 0, 0),
        ], byBackend);
        Assert.Equal(["local", "(none)", "gpu-box"], ofKeyA.Select(r => r.Group));
        Assert.Equal(["(none)", "local", "openai"], since.Select(r => r.Group));
        Assert.Equal([2L, 1L, 1L], since.Select(r => r.Requests));
    }
}

public sealed class SqliteUsageStoreTests : UsageStoreTests
{
    protected override DatabaseTarget Target => DatabaseTarget.Sqlite;
}

public sealed class PostgresUsageStoreTests : UsageStoreTests
{
    protected override DatabaseTarget Target => DatabaseTarget.Postgres;
}
