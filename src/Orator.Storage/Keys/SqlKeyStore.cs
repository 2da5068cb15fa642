using System.Data.Common;
using Orator.Storage.Database;

namespace Orator.Storage.Keys;

/// <summary><see cref="IKeyStore"/> on SQLite or PostgreSQL (the same parameterised SQL).</summary>
internal sealed class SqlKeyStore(SqlDatabase database, TimeProvider clock) : IKeyStore
{
    private const string Columns = "id, name, salt, hash, models, rpm, chars_per_minute, chars_per_day, chars_per_month, expires_at, created_at, revoked_at, rotated_at";

    public async Task<CreatedKey> CreateAsync(NewKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (string.IsNullOrWhiteSpace(key.Name))
        {
            throw new ArgumentException("A key needs a name.", nameof(key));
        }

        var limits = key.Limits ?? KeyLimits.None;
        var id = ApiKeySecret.NewId();
        var secret = ApiKeySecret.NewSecret();
        var salt = ApiKeySecret.NewSalt();
        var record = new ApiKeyRecord(id, key.Name, salt, ApiKeySecret.Hash(salt, secret),
            key.Models is { Count: > 0 } models ? [.. models] : null, limits, key.ExpiresAt, Now(), null, null);

        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await database.BeginWriteAsync(connection, cancellationToken);
        await using (var insert = SqlDatabase.Command(connection, transaction,
            $"INSERT INTO api_keys ({Columns}) VALUES (@id, @name, @salt, @hash, @models, @rpm, @cpm, @cpd, @cpmo, @expires, @created, NULL, NULL)",
            ("id", id), ("name", key.Name), ("salt", salt), ("hash", record.Hash), ("models", JoinModels(record.Models)),
            ("rpm", limits.RequestsPerMinute), ("cpm", limits.CharactersPerMinute), ("cpd", limits.CharactersPerDay), ("cpmo", limits.CharactersPerMonth),
            ("expires", ToMillis(key.ExpiresAt)), ("created", ToMillis(record.CreatedAt))))
        {
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return new CreatedKey(record, ApiKeySecret.Format(id, secret));
    }

    public async Task<ApiKeyRecord?> FindAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = SqlDatabase.Command(connection, null, $"SELECT {Columns} FROM api_keys WHERE id = @id", ("id", id));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    public async Task<IReadOnlyList<ApiKeyRecord>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = SqlDatabase.Command(connection, null, $"SELECT {Columns} FROM api_keys ORDER BY created_at, id");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var keys = new List<ApiKeyRecord>();
        while (await reader.ReadAsync(cancellationToken))
        {
            keys.Add(Read(reader));
        }

        return keys;
    }

    public async Task<long> CountAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = SqlDatabase.Command(connection, null, "SELECT COUNT(*) FROM api_keys");
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task<bool> RevokeAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await database.BeginWriteAsync(connection, cancellationToken);
        int changed;
        await using (var command = SqlDatabase.Command(connection, transaction,
            "UPDATE api_keys SET revoked_at = @now WHERE id = @id AND revoked_at IS NULL", ("now", ToMillis(Now())), ("id", id)))
        {
            changed = await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return changed == 1;
    }

    public async Task<CreatedKey?> RotateAsync(string id, CancellationToken cancellationToken)
    {
        var secret = ApiKeySecret.NewSecret();
        var salt = ApiKeySecret.NewSalt();
        var hash = ApiKeySecret.Hash(salt, secret);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await database.BeginWriteAsync(connection, cancellationToken);
        int changed;
        await using (var command = SqlDatabase.Command(connection, transaction,
            "UPDATE api_keys SET salt = @salt, hash = @hash, rotated_at = @now WHERE id = @id AND revoked_at IS NULL",
            ("salt", salt), ("hash", hash), ("now", ToMillis(Now())), ("id", id)))
        {
            changed = await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        if (changed != 1)
        {
            return null;
        }

        var record = await FindAsync(id, cancellationToken);
        return record is null ? null : new CreatedKey(record, ApiKeySecret.Format(id, secret));
    }

    private DateTimeOffset Now() => clock.GetUtcNow();

    private static ApiKeyRecord Read(DbDataReader reader)
    {
        var models = reader.IsDBNull(4) ? null : reader.GetString(4).Split(',', StringSplitOptions.RemoveEmptyEntries);
        return new ApiKeyRecord(
            reader.GetString(0),
            reader.GetString(1),
            (byte[])reader.GetValue(2),
            (byte[])reader.GetValue(3),
            models,
            new KeyLimits(NullableLong(reader, 5), NullableLong(reader, 6), NullableLong(reader, 7), NullableLong(reader, 8)),
            FromMillis(NullableLong(reader, 9)),
            FromMillis(reader.GetInt64(10))!.Value,
            FromMillis(NullableLong(reader, 11)),
            FromMillis(NullableLong(reader, 12)));
    }

    private static string? JoinModels(IReadOnlyList<string>? models) => models is null ? null : string.Join(',', models);

    private static long? NullableLong(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetInt64(ordinal);

    internal static long? ToMillis(DateTimeOffset? time) => time?.ToUnixTimeMilliseconds();

    internal static DateTimeOffset? FromMillis(long? millis) => millis is { } m ? DateTimeOffset.FromUnixTimeMilliseconds(m) : null;
}
