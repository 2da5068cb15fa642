using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Orator.Storage.Database;

/// <summary>
/// A SQLite file in WAL mode. Writers in this process queue on a semaphore (SQLite has one
/// writer anyway, and waiting here is cheaper than spinning on SQLITE_BUSY); writers in other
/// processes (the CLI) are serialised by <c>BEGIN IMMEDIATE</c> with a busy timeout.
/// </summary>
internal sealed class SqliteDatabase : SqlDatabase
{
    private readonly string _connectionString;
    private readonly SemaphoreSlim _writer = new(1, 1);

    public SqliteDatabase(string? connectionString)
    {
        var builder = string.IsNullOrWhiteSpace(connectionString)
            ? new SqliteConnectionStringBuilder { DataSource = StorageOptions.DefaultSqlitePath() }
            : connectionString.Contains('=', StringComparison.Ordinal)
                ? new SqliteConnectionStringBuilder(connectionString)
                : new SqliteConnectionStringBuilder { DataSource = connectionString };
        builder.Mode = SqliteOpenMode.ReadWriteCreate;
        builder.Pooling = true;
        builder.DefaultTimeout = 30;
        var directory = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        Location = builder.DataSource;
        _connectionString = builder.ToString();
    }

    public override string Provider => StorageOptions.Sqlite;

    public override string Location { get; }

    public override string BlobType => "BLOB";

    public override string RealType => "REAL";

    public override string AutoIdType => "INTEGER PRIMARY KEY AUTOINCREMENT";

    public override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            // WAL lets readers run beside the writer; NORMAL sync keeps every commit across a
            // process kill (only a power loss can lose the last commits).
            await using var pragma = Command(connection, null, "PRAGMA busy_timeout=30000; PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;");
            await pragma.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public override async Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await _writer.WaitAsync(cancellationToken);
        try
        {
            // deferred: false = BEGIN IMMEDIATE: the write lock is taken now, so a read-check-write
            // inside the transaction cannot interleave with another process's.
            return new ReleasingTransaction(((SqliteConnection)connection).BeginTransaction(deferred: false), _writer);
        }
        catch
        {
            _writer.Release();
            throw;
        }
    }

    public override Task LockForMigrationAsync(DbTransaction transaction, CancellationToken cancellationToken) => Task.CompletedTask;

    public override ValueTask DisposeAsync()
    {
        // Close pooled connections so the file is released when the storage is.
        using (var connection = new SqliteConnection(_connectionString))
        {
            SqliteConnection.ClearPool(connection);
        }

        _writer.Dispose();
        return ValueTask.CompletedTask;
    }
}
