namespace Orator.Storage.Tests.Infrastructure;

/// <summary>
/// A fresh database, a real server on it (one static key, an admin key), and a second storage
/// handle on the same database standing in for the CLI or another instance. Shared by one test
/// class; every test makes its own keys.
/// </summary>
public abstract class ServerOnDatabase : IAsyncLifetime
{
    public const string StaticKey = "sk-static-test-0123456789";
    public const string AdminKey = "admin-test-key-9876543210";

    public abstract DatabaseTarget Target { get; }

    public StorageOptions Options { get; private set; } = null!;

    public TestServer Server { get; private set; } = null!;

    /// <summary>Another connection to the server's database, as the CLI would have.</summary>
    public OratorStorage Storage { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Options = await Target.NewDatabaseAsync();
        Server = await TestServer.StartAsync(Options, [$"--Orator:ApiKeys:0={StaticKey}", $"--Orator:AdminKey={AdminKey}"]);
        Storage = await OratorStorage.OpenAsync(Options);
    }

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        await Storage.DisposeAsync();
    }

    /// <summary>Waits until the server's usage writer has stored <paramref name="count"/> records for <paramref name="keyId"/>.</summary>
    public async Task<long> WaitForUsageAsync(string keyId, long count, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        long seen;
        do
        {
            var rows = await Storage.Usage.SummarizeAsync(new Usage.UsageQuery(Usage.UsageGrouping.Key, keyId), CancellationToken.None);
            seen = rows.Sum(r => r.Requests);
            if (seen >= count)
            {
                return seen;
            }

            await Task.Delay(100);
        }
        while (DateTime.UtcNow < deadline);
        return seen;
    }
}

public sealed class SqliteServer : ServerOnDatabase
{
    public override DatabaseTarget Target => DatabaseTarget.Sqlite;
}

public sealed class PostgresServer : ServerOnDatabase
{
    public override DatabaseTarget Target => DatabaseTarget.Postgres;
}
