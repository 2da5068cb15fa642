using Orator.Storage.Database;
using Orator.Storage.Keys;
using Orator.Storage.Limits;
using Orator.Storage.Usage;

namespace Orator.Storage;

/// <summary>
/// Keys, usage and rate counters on the configured database. The server and the CLI open it
/// the same way, from the same <see cref="StorageOptions"/>.
/// </summary>
public sealed class OratorStorage : IAsyncDisposable
{
    private readonly SqlDatabase _database;

    private OratorStorage(SqlDatabase database, TimeProvider clock)
    {
        _database = database;
        Keys = new SqlKeyStore(database, clock);
        Usage = new SqlUsageStore(database);
        Limiter = new SqlRateLimiter(database);
    }

    /// <summary>Stored API keys.</summary>
    public IKeyStore Keys { get; }

    /// <summary>Usage records.</summary>
    public IUsageStore Usage { get; }

    /// <summary>Rate limits and quotas.</summary>
    public IRateLimiter Limiter { get; }

    /// <summary><c>sqlite</c> or <c>postgres</c>.</summary>
    public string Provider => _database.Provider;

    /// <summary>Where the data is (file path or host/database; never a password).</summary>
    public string Location => _database.Location;

    /// <summary>Opens the database named by <paramref name="options"/> and brings its schema up to date.</summary>
    /// <exception cref="ArgumentException">The provider is unknown or a required connection string is missing.</exception>
    public static async Task<OratorStorage> OpenAsync(StorageOptions options, TimeProvider? clock = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        SqlDatabase database = options.ResolvedProvider switch
        {
            StorageOptions.Sqlite => new SqliteDatabase(options.ConnectionString),
            StorageOptions.Postgres => new PostgresDatabase(options.ConnectionString),
            _ => throw new ArgumentException($"Orator:Storage:Provider must be 'sqlite' or 'postgres', not '{options.Provider}'.", nameof(options)),
        };
        var storage = new OratorStorage(database, clock ?? TimeProvider.System);
        try
        {
            await Migrations.ApplyAsync(database, cancellationToken);
            await storage.DropOldCountersAsync(cancellationToken);
            return storage;
        }
        catch
        {
            await storage.DisposeAsync();
            throw;
        }
    }

    /// <summary>The schema version the database is at.</summary>
    public async Task<int> SchemaVersionAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        return await Migrations.CurrentVersionAsync(connection, null, cancellationToken);
    }

    /// <summary>The schema version this build writes.</summary>
    public static int LatestSchemaVersion => Migrations.Latest;

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _database.DisposeAsync();

    // Counters of windows that ended long ago are never read again; the longest window is a month.
    private async Task DropOldCountersAsync(CancellationToken cancellationToken)
    {
        var cutoff = DateTimeOffset.UtcNow.AddDays(-62).ToUnixTimeMilliseconds();
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = await _database.BeginWriteAsync(connection, cancellationToken);
        await using (var command = SqlDatabase.Command(connection, transaction, "DELETE FROM rate_counters WHERE window_start < @cutoff", ("cutoff", cutoff)))
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }
}
