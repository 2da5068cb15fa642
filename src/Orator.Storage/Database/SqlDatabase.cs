using System.Data.Common;

namespace Orator.Storage.Database;

/// <summary>
/// The one place the two databases differ: how a connection is opened, how a write transaction
/// is begun (SQLite takes the database write lock up front; PostgreSQL relies on row locks),
/// and the schema's column types. Every statement elsewhere is the same parameterised SQL on both.
/// </summary>
internal abstract class SqlDatabase : IAsyncDisposable
{
    /// <summary><see cref="StorageOptions.Sqlite"/> or <see cref="StorageOptions.Postgres"/>.</summary>
    public abstract string Provider { get; }

    /// <summary>A human-readable location without secrets (file path or host/database).</summary>
    public abstract string Location { get; }

    /// <summary>Opens a pooled connection.</summary>
    public abstract Task<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>Begins a transaction that will write; concurrent writers are serialised as each database requires.</summary>
    public abstract Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>Takes the lock that lets one process at a time migrate the schema, inside <paramref name="transaction"/>.</summary>
    public abstract Task LockForMigrationAsync(DbTransaction transaction, CancellationToken cancellationToken);

    /// <summary>Column type for binary data.</summary>
    public abstract string BlobType { get; }

    /// <summary>Column type for floating point numbers.</summary>
    public abstract string RealType { get; }

    /// <summary>Primary key column definition for an auto-incremented 64-bit id.</summary>
    public abstract string AutoIdType { get; }

    /// <inheritdoc />
    public abstract ValueTask DisposeAsync();

    /// <summary>Creates a command on <paramref name="connection"/> with named parameters (<c>@name</c>).</summary>
    public static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var command = connection.CreateCommand();
        command.Transaction = transaction is ReleasingTransaction wrapped ? wrapped.Inner : transaction;
#pragma warning disable CA2100 // Every caller passes constant SQL; values travel only as parameters (checked by a test).
        command.CommandText = sql;
#pragma warning restore CA2100
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        return command;
    }
}
