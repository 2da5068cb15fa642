using Orator.Storage.Database;
using Orator.Storage.Tests.Infrastructure;
using Orator.Storage.Usage;

namespace Orator.Storage.Tests.Storage;

public abstract class MigrationTests : StorageTestBase
{
    [Fact]
    public async Task A_new_database_is_migrated_to_the_latest_version()
    {
        Assert.True(OratorStorage.LatestSchemaVersion >= 1);
        Assert.Equal(OratorStorage.LatestSchemaVersion, await Storage.SchemaVersionAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Opening_again_applies_nothing_twice_and_keeps_the_data()
    {
        await Storage.Keys.CreateAsync(new Keys.NewKey("kept"), CancellationToken.None);

        await using var again = await OratorStorage.OpenAsync(Options);

        Assert.Equal(OratorStorage.LatestSchemaVersion, await again.SchemaVersionAsync(CancellationToken.None));
        Assert.Equal("kept", Assert.Single(await again.Keys.ListAsync(CancellationToken.None)).Name);
    }

    [Fact]
    public async Task Several_instances_opening_one_new_database_at_once_all_succeed()
    {
        var fresh = await Target.NewDatabaseAsync();

        var opened = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => OratorStorage.OpenAsync(fresh))));

        foreach (var storage in opened)
        {
            Assert.Equal(OratorStorage.LatestSchemaVersion, await storage.SchemaVersionAsync(CancellationToken.None));
            await storage.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_version_1_database_migrates_to_the_latest_and_keeps_its_usage_rows_as_misses()
    {
        var old = await Target.NewDatabaseAsync();
        await using (var database = OpenRaw(old))
        {
            Assert.Equal([1], await Migrations.ApplyAsync(database, 1, CancellationToken.None));
            await using var connection = await database.OpenAsync(CancellationToken.None);
            await using var insert = SqlDatabase.Command(connection, null,
                """
                INSERT INTO usage_records (request_id, key_id, route, model, engine, voice, format, characters, audio_seconds, ttfb_ms, status, created_at)
                VALUES ('v1-row', 'k1', '/v1/audio/speech', 'tts-1', 'flite', 'flite:slt', 'mp3', 12, 1.5, 20.0, 200, 1000)
                """);
            await insert.ExecuteNonQueryAsync();
            Assert.Equal(1, await Migrations.CurrentVersionAsync(connection, null, CancellationToken.None));
        }

        await using var storage = await OratorStorage.OpenAsync(old);

        Assert.True(OratorStorage.LatestSchemaVersion >= 2);
        Assert.Equal(OratorStorage.LatestSchemaVersion, await storage.SchemaVersionAsync(CancellationToken.None));
        var row = Assert.Single(await storage.Usage.RecentAsync(null, 10, CancellationToken.None));
        Assert.Equal(new UsageRecord("v1-row", "k1", "/v1/audio/speech", "tts-1", "flite", "flite:slt", "mp3", 12, 1.5, 20.0, 200, DateTimeOffset.FromUnixTimeMilliseconds(1000)), row);
        Assert.False(row.CacheHit);
        Assert.Equal(new UsageSummary("k1", 1, 12, 1.5, 0, 0), Assert.Single(await storage.Usage.SummarizeAsync(new UsageQuery(UsageGrouping.Key), CancellationToken.None)));
        await using (var database = OpenRaw(old))
        await using (var connection = await database.OpenAsync(CancellationToken.None))
        await using (var read = SqlDatabase.Command(connection, null, "SELECT cache_hit FROM usage_records WHERE request_id = 'v1-row'"))
        {
            Assert.Equal(0L, Convert.ToInt64(await read.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture));
        }

        await storage.Usage.AppendAsync([row with { RequestId = "v2-row", CacheHit = true }], CancellationToken.None);
        Assert.Equal(1, Assert.Single(await storage.Usage.SummarizeAsync(new UsageQuery(UsageGrouping.Key), CancellationToken.None)).CacheHits);
    }

    [Fact]
    public async Task A_version_2_database_migrates_to_3_and_its_old_rows_read_no_backend()
    {
        var old = await Target.NewDatabaseAsync();
        await using (var database = OpenRaw(old))
        {
            Assert.Equal([1, 2], await Migrations.ApplyAsync(database, 2, CancellationToken.None));
            await using var connection = await database.OpenAsync(CancellationToken.None);
            await using var insert = SqlDatabase.Command(connection, null,
                """
                INSERT INTO usage_records (request_id, key_id, route, model, engine, voice, format, characters, audio_seconds, ttfb_ms, status, created_at, cache_hit)
                VALUES ('v2-hit', 'k1', '/v1/audio/speech', 'tts-1', 'flite', 'flite:slt', 'mp3', 12, 1.5, 20.0, 200, 1000, 1),
                       ('v2-miss', 'k1', '/v1/audio/speech', 'tts-1', 'flite', 'flite:slt', 'wav', 3, 0.5, 9.0, 200, 2000, 0)
                """);
            Assert.Equal(2, await insert.ExecuteNonQueryAsync());
            Assert.Equal(2, await Migrations.CurrentVersionAsync(connection, null, CancellationToken.None));
        }

        await using (var database = OpenRaw(old))
        {
            Assert.Equal([3], await Migrations.ApplyAsync(database, 3, CancellationToken.None));
        }

        await using var storage = await OratorStorage.OpenAsync(old);

        Assert.True(await storage.SchemaVersionAsync(CancellationToken.None) >= 3);
        var rows = (await storage.Usage.RecentAsync(null, 10, CancellationToken.None)).OrderBy(r => r.RequestId, StringComparer.Ordinal).ToList();
        Assert.Equal(
        [
            new UsageRecord("v2-hit", "k1", "/v1/audio/speech", "tts-1", "flite", "flite:slt", "mp3", 12, 1.5, 20.0, 200, DateTimeOffset.FromUnixTimeMilliseconds(1000), CacheHit: true, Backend: null),
            new UsageRecord("v2-miss", "k1", "/v1/audio/speech", "tts-1", "flite", "flite:slt", "wav", 3, 0.5, 9.0, 200, DateTimeOffset.FromUnixTimeMilliseconds(2000), CacheHit: false, Backend: null),
        ], rows);
        await using (var database = OpenRaw(old))
        await using (var connection = await database.OpenAsync(CancellationToken.None))
        await using (var read = SqlDatabase.Command(connection, null, "SELECT COUNT(*) FROM usage_records WHERE backend IS NULL"))
        {
            Assert.Equal(2L, Convert.ToInt64(await read.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture));
        }

        await storage.Usage.AppendAsync([rows[0] with { RequestId = "v3-row", Backend = "local" }], CancellationToken.None);
        Assert.Equal(
            [new UsageSummary("(none)", 2, 15, 2.0, 0, 1), new UsageSummary("local", 1, 12, 1.5, 0, 1)],
            await storage.Usage.SummarizeAsync(new UsageQuery(UsageGrouping.Backend), CancellationToken.None));
    }

    /// <summary>The database behind <paramref name="options"/> without migrating it.</summary>
    private static SqlDatabase OpenRaw(StorageOptions options) => options.Provider == StorageOptions.Postgres
        ? new PostgresDatabase(options.ConnectionString)
        : new SqliteDatabase(options.ConnectionString);
}

public sealed class SqliteMigrationTests : MigrationTests
{
    protected override DatabaseTarget Target => DatabaseTarget.Sqlite;
}

public sealed class PostgresMigrationTests : MigrationTests
{
    protected override DatabaseTarget Target => DatabaseTarget.Postgres;
}
