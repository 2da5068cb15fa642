using Orator.Storage.Tests.Infrastructure;

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
}

public sealed class SqliteMigrationTests : MigrationTests
{
    protected override DatabaseTarget Target => DatabaseTarget.Sqlite;
}

public sealed class PostgresMigrationTests : MigrationTests
{
    protected override DatabaseTarget Target => DatabaseTarget.Postgres;
}
