namespace Orator.Storage.Usage;

/// <summary>Durable usage records.</summary>
public interface IUsageStore
{
    /// <summary>Writes a batch in one transaction; records whose request id is already stored are skipped (a retry is harmless).</summary>
    Task AppendAsync(IReadOnlyList<UsageRecord> records, CancellationToken cancellationToken);

    /// <summary>The newest records, newest first, optionally of one key.</summary>
    Task<IReadOnlyList<UsageRecord>> RecentAsync(string? keyId, int limit, CancellationToken cancellationToken);

    /// <summary>Totals per group, largest first for keys, models and backends, by date for days.</summary>
    Task<IReadOnlyList<UsageSummary>> SummarizeAsync(UsageQuery query, CancellationToken cancellationToken);
}
