using Orator.Storage.Database;
using Orator.Storage.Keys;

namespace Orator.Storage.Limits;

/// <summary>
/// Fixed UTC windows (minute, day, month) as rows of <c>rate_counters</c>. In one write
/// transaction each applicable counter is incremented with
/// <c>INSERT ... ON CONFLICT DO UPDATE ... RETURNING used</c>; if any result passes its limit the
/// transaction rolls back, so a refused request spends nothing. On PostgreSQL the upsert's row
/// lock makes concurrent spenders of one counter wait for each other's commit; counters are
/// always touched in the same order, so they cannot deadlock. On SQLite <c>BEGIN IMMEDIATE</c>
/// serialises writers outright.
/// </summary>
internal sealed class SqlRateLimiter(SqlDatabase database) : IRateLimiter
{
    private const string Upsert = """
        INSERT INTO rate_counters (key_id, kind, window_start, used) VALUES (@key, @kind, @start, @amount)
        ON CONFLICT (key_id, kind, window_start) DO UPDATE SET used = rate_counters.used + excluded.used
        RETURNING used
        """;

    public async Task<RateDecision> TryReserveAsync(string keyId, KeyLimits limits, long requests, long characters, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keyId);
        ArgumentNullException.ThrowIfNull(limits);
        var windows = Windows(limits, requests, characters, now.ToUniversalTime());
        if (windows.Count == 0)
        {
            return new RateDecision(RateRefusal.None, TimeSpan.Zero, null, null);
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await database.BeginWriteAsync(connection, cancellationToken);
        WindowState? requestState = null;
        WindowState? characterState = null;
        foreach (var w in windows)
        {
            long used;
            await using (var command = SqlDatabase.Command(connection, transaction, Upsert,
                ("key", keyId), ("kind", w.Kind), ("start", w.Start.ToUnixTimeMilliseconds()), ("amount", w.Amount)))
            {
                used = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
            }

            var reset = w.End - now;
            if (used > w.Limit)
            {
                await transaction.RollbackAsync(cancellationToken);
                var before = used - w.Amount;
                var state = new WindowState(w.Limit, Math.Max(0, w.Limit - before), reset);
                var refused = w.IsRequests
                    ? new RateDecision(w.Refusal, reset, state, characterState)
                    : new RateDecision(w.Refusal, reset, requestState, state);
                return refused with { RefusedWindow = w.Period };
            }

            var after = new WindowState(w.Limit, w.Limit - used, reset);
            if (w.IsRequests)
            {
                requestState = after;
            }
            else if (characterState is null || after.Remaining < characterState.Value.Remaining)
            {
                characterState = after;
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return new RateDecision(RateRefusal.None, TimeSpan.Zero, requestState, characterState);
    }

    /// <summary>The windows to charge, in a fixed order (requests, then minute, day, month characters).</summary>
    private static List<Window> Windows(KeyLimits limits, long requests, long characters, DateTimeOffset now)
    {
        var minute = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, TimeSpan.Zero);
        var day = new DateTimeOffset(now.Year, now.Month, now.Day, 0, 0, 0, TimeSpan.Zero);
        var month = new DateTimeOffset(now.Year, now.Month, 1, 0, 0, 0, TimeSpan.Zero);
        var windows = new List<Window>(4);
        if (requests > 0 && limits.RequestsPerMinute is { } rpm)
        {
            windows.Add(new Window("req:min", RateWindow.Minute, minute, minute.AddMinutes(1), rpm, requests, true, RateRefusal.RateLimit));
        }

        if (characters > 0)
        {
            if (limits.CharactersPerMinute is { } cpm)
            {
                windows.Add(new Window("chr:min", RateWindow.Minute, minute, minute.AddMinutes(1), cpm, characters, false, RateRefusal.RateLimit));
            }

            if (limits.CharactersPerDay is { } cpd)
            {
                windows.Add(new Window("chr:day", RateWindow.Day, day, day.AddDays(1), cpd, characters, false, RateRefusal.Quota));
            }

            if (limits.CharactersPerMonth is { } cpmo)
            {
                windows.Add(new Window("chr:month", RateWindow.Month, month, month.AddMonths(1), cpmo, characters, false, RateRefusal.Quota));
            }
        }

        return windows;
    }

    private sealed record Window(string Kind, RateWindow Period, DateTimeOffset Start, DateTimeOffset End, long Limit, long Amount, bool IsRequests, RateRefusal Refusal);
}
