using System.Data.Common;

namespace Orator.Storage.Database;

/// <summary>
/// Versioned schema changes, applied in order at startup (server and CLI) inside one
/// transaction each; <c>schema_migrations</c> records which versions a database has.
/// Append new versions; never edit one that has shipped.
/// </summary>
internal static class Migrations
{
    /// <summary>The newest schema version.</summary>
    public static int Latest => Steps(null!).Count;

    /// <summary>Brings the database to <see cref="Latest"/>; returns the versions applied now.</summary>
    public static Task<IReadOnlyList<int>> ApplyAsync(SqlDatabase database, CancellationToken cancellationToken) =>
        ApplyAsync(database, Latest, cancellationToken);

    /// <summary>
    /// Brings the database to <paramref name="targetVersion"/> (at most <see cref="Latest"/>); returns the
    /// versions applied now. Startup always goes to the latest; tests use this to build an older schema.
    /// </summary>
    public static async Task<IReadOnlyList<int>> ApplyAsync(SqlDatabase database, int targetVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        var applied = new List<int>();
        await using var connection = await database.OpenAsync(cancellationToken);
        await using (var transaction = await database.BeginWriteAsync(connection, cancellationToken))
        {
            await database.LockForMigrationAsync(transaction, cancellationToken);
            await Execute(connection, transaction, "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)", cancellationToken);
            var current = await CurrentVersionAsync(connection, transaction, cancellationToken);
            var steps = Steps(database);
            for (var version = current + 1; version <= Math.Min(targetVersion, steps.Count); version++)
            {
                foreach (var statement in steps[version - 1])
                {
                    await Execute(connection, transaction, statement, cancellationToken);
                }

                await using var record = SqlDatabase.Command(connection, transaction, "INSERT INTO schema_migrations (version, applied_at) VALUES (@v, @t)",
                    ("v", version), ("t", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()));
                await record.ExecuteNonQueryAsync(cancellationToken);
                applied.Add(version);
            }

            await transaction.CommitAsync(cancellationToken);
        }

        return applied;
    }

    /// <summary>The version a database is at (0 when empty).</summary>
    public static async Task<int> CurrentVersionAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var command = SqlDatabase.Command(connection, transaction, "SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task Execute(DbConnection connection, DbTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = SqlDatabase.Command(connection, transaction, sql);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    // Times are Unix milliseconds (BIGINT) on both databases, so every comparison is the same SQL.
    private static List<string[]> Steps(SqlDatabase? db) =>
    [
        // 1: keys, usage, rate counters.
        [
            $"""
            CREATE TABLE api_keys (
                id TEXT PRIMARY KEY,
                name TEXT NOT NULL,
                salt {db?.BlobType} NOT NULL,
                hash {db?.BlobType} NOT NULL,
                models TEXT NULL,
                rpm BIGINT NULL,
                chars_per_minute BIGINT NULL,
                chars_per_day BIGINT NULL,
                chars_per_month BIGINT NULL,
                expires_at BIGINT NULL,
                created_at BIGINT NOT NULL,
                revoked_at BIGINT NULL,
                rotated_at BIGINT NULL)
            """,
            $"""
            CREATE TABLE usage_records (
                id {db?.AutoIdType},
                request_id TEXT NOT NULL UNIQUE,
                key_id TEXT NULL,
                route TEXT NOT NULL,
                model TEXT NULL,
                engine TEXT NULL,
                voice TEXT NULL,
                format TEXT NULL,
                characters BIGINT NOT NULL,
                audio_seconds {db?.RealType} NOT NULL,
                ttfb_ms {db?.RealType} NULL,
                status INTEGER NOT NULL,
                created_at BIGINT NOT NULL)
            """,
            "CREATE INDEX ix_usage_records_created_at ON usage_records (created_at)",
            "CREATE INDEX ix_usage_records_key_created_at ON usage_records (key_id, created_at)",
            """
            CREATE TABLE rate_counters (
                key_id TEXT NOT NULL,
                kind TEXT NOT NULL,
                window_start BIGINT NOT NULL,
                used BIGINT NOT NULL,
                PRIMARY KEY (key_id, kind, window_start))
            """,
        ],

        // 2: usage answered from the render cache. The same SQL on both databases; rows
        // written before it read 0 (not a cache hit).
        [
            "ALTER TABLE usage_records ADD COLUMN cache_hit INTEGER NOT NULL DEFAULT 0",
        ],

        // 3: the backend that served the audio (local or an upstream's name). The same SQL on
        // both databases; rows written before it read null (as do requests refused before rendering).
        [
            "ALTER TABLE usage_records ADD COLUMN backend TEXT NULL",
        ],
    ];
}
