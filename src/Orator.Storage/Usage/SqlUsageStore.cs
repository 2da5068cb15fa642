using Orator.Storage.Database;

namespace Orator.Storage.Usage;

/// <summary><see cref="IUsageStore"/> on SQLite or PostgreSQL.</summary>
internal sealed class SqlUsageStore(SqlDatabase database) : IUsageStore
{
    private const string Insert = """
        INSERT INTO usage_records (request_id, key_id, route, model, engine, voice, format, characters, audio_seconds, ttfb_ms, status, created_at, cache_hit, backend)
        VALUES (@rid, @key, @route, @model, @engine, @voice, @format, @chars, @audio, @ttfb, @status, @time, @hit, @backend)
        ON CONFLICT (request_id) DO NOTHING
        """;

    // Grouping expressions are fixed strings chosen by an enum, never text from a caller.
    private const string KeyGroup = "COALESCE(key_id, '(none)')";
    private const string ModelGroup = "COALESCE(model, '(none)')";
    private const string BackendGroup = "COALESCE(backend, '(none)')";

    public async Task AppendAsync(IReadOnlyList<UsageRecord> records, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        if (records.Count == 0)
        {
            return;
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await database.BeginWriteAsync(connection, cancellationToken);
        await using var command = SqlDatabase.Command(connection, transaction, Insert,
            ("rid", ""), ("key", null), ("route", ""), ("model", null), ("engine", null), ("voice", null), ("format", null),
            ("chars", 0L), ("audio", 0.0), ("ttfb", null), ("status", 0), ("time", 0L), ("hit", 0), ("backend", null));
        foreach (var r in records)
        {
            Set(command, 0, r.RequestId);
            Set(command, 1, r.KeyId);
            Set(command, 2, r.Route);
            Set(command, 3, r.Model);
            Set(command, 4, r.Engine);
            Set(command, 5, r.Voice);
            Set(command, 6, r.Format);
            Set(command, 7, r.Characters);
            Set(command, 8, r.AudioSeconds);
            Set(command, 9, r.TimeToFirstByteMs);
            Set(command, 10, r.Status);
            Set(command, 11, r.Time.ToUnixTimeMilliseconds());
            Set(command, 12, r.CacheHit ? 1 : 0); // INTEGER 0/1 on both databases
            Set(command, 13, r.Backend);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<UsageSummary>> SummarizeAsync(UsageQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var since = query.Since?.ToUnixTimeMilliseconds() ?? long.MinValue;
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = new List<UsageSummary>();
        if (query.Grouping == UsageGrouping.Day)
        {
            // Days are computed here rather than in SQL so both databases agree on UTC dates.
            var perDay = new SortedDictionary<string, (long Requests, long Chars, double Audio, long Errors, long Hits)>(StringComparer.Ordinal);
            await using var command = SqlDatabase.Command(connection, null,
                "SELECT created_at, characters, audio_seconds, status, cache_hit FROM usage_records WHERE created_at >= @since AND (CAST(@key AS TEXT) IS NULL OR key_id = @key)",
                ("since", since), ("key", query.KeyId));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var day = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(0)).UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
                perDay.TryGetValue(day, out var t);
                perDay[day] = (t.Requests + 1, t.Chars + reader.GetInt64(1), t.Audio + reader.GetDouble(2), t.Errors + (reader.GetInt32(3) >= 400 ? 1 : 0), t.Hits + (reader.GetInt32(4) != 0 ? 1 : 0));
            }

            rows.AddRange(perDay.Select(d => new UsageSummary(d.Key, d.Value.Requests, d.Value.Chars, d.Value.Audio, d.Value.Errors, d.Value.Hits)));
            return rows;
        }

        var sql = GroupedSql(query.Grouping switch
        {
            UsageGrouping.Key => KeyGroup,
            UsageGrouping.Model => ModelGroup,
            UsageGrouping.Backend => BackendGroup,
            _ => throw new ArgumentOutOfRangeException(nameof(query), query.Grouping, "Unknown usage grouping."),
        });
        await using (var command = SqlDatabase.Command(connection, null, sql, ("since", since), ("key", query.KeyId)))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add(new UsageSummary(reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetDouble(3), reader.GetInt64(4), reader.GetInt64(5)));
            }
        }

        return rows;
    }

    public async Task<IReadOnlyList<UsageRecord>> RecentAsync(string? keyId, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = SqlDatabase.Command(connection, null,
            """
            SELECT request_id, key_id, route, model, engine, voice, format, characters, audio_seconds, ttfb_ms, status, created_at, cache_hit, backend
            FROM usage_records WHERE (CAST(@key AS TEXT) IS NULL OR key_id = @key) ORDER BY id DESC LIMIT @limit
            """,
            ("key", keyId), ("limit", (long)Math.Max(0, limit)));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var records = new List<UsageRecord>();
        while (await reader.ReadAsync(cancellationToken))
        {
            records.Add(new UsageRecord(
                reader.GetString(0), Text(reader, 1), reader.GetString(2), Text(reader, 3), Text(reader, 4), Text(reader, 5), Text(reader, 6),
                reader.GetInt64(7), reader.GetDouble(8), reader.IsDBNull(9) ? null : reader.GetDouble(9), reader.GetInt32(10),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(11)), reader.GetInt32(12) != 0, Text(reader, 13)));
        }

        return records;
    }

    private static string? Text(System.Data.Common.DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static string GroupedSql(string group) => $"""
        SELECT {group} AS g, COUNT(*), CAST(COALESCE(SUM(characters), 0) AS BIGINT), COALESCE(SUM(audio_seconds), 0), CAST(COALESCE(SUM(CASE WHEN status >= 400 THEN 1 ELSE 0 END), 0) AS BIGINT),
            CAST(COALESCE(SUM(cache_hit), 0) AS BIGINT)
        FROM usage_records WHERE created_at >= @since AND (CAST(@key AS TEXT) IS NULL OR key_id = @key)
        GROUP BY {group} ORDER BY COUNT(*) DESC, g
        """;

    private static void Set(System.Data.Common.DbCommand command, int index, object? value) =>
        command.Parameters[index].Value = value ?? DBNull.Value;
}
