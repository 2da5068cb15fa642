using System.Data.Common;
using Npgsql;

namespace Orator.Storage.Database;

/// <summary>
/// A PostgreSQL database shared by any number of Orator instances. Write transactions run at
/// READ COMMITTED: the rate counters rely on the row lock that
/// <c>INSERT ... ON CONFLICT DO UPDATE</c> takes, which serialises concurrent spenders of one counter.
/// </summary>
internal sealed class PostgresDatabase : SqlDatabase
{
    // Any constant shared by every Orator instance; identifies the migration lock.
    private const long MigrationLockId = 0x4f7261746f72; // "Orator"

    private readonly NpgsqlDataSource _source;

    public PostgresDatabase(string? connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new ArgumentException("Orator:Storage:ConnectionString is required when Orator:Storage:Provider is 'postgres'.", nameof(connectionString));
        }

        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        Location = $"postgres://{builder.Host}:{builder.Port}/{builder.Database}";
        _source = NpgsqlDataSource.Create(builder);
    }

    public override string Provider => StorageOptions.Postgres;

    public override string Location { get; }

    public override string BlobType => "BYTEA";

    public override string RealType => "DOUBLE PRECISION";

    public override string AutoIdType => "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY";

    public override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        await _source.OpenConnectionAsync(cancellationToken);

    public override async Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return await connection.BeginTransactionAsync(System.Data.IsolationLevel.ReadCommitted, cancellationToken);
    }

    public override async Task LockForMigrationAsync(DbTransaction transaction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        // Two instances starting together: the second waits here, then finds the schema current.
        await using var command = Command(transaction.Connection!, transaction, "SELECT pg_advisory_xact_lock(@id)", ("id", MigrationLockId));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public override ValueTask DisposeAsync() => _source.DisposeAsync();
}
