namespace Orator.Storage.Usage;

/// <summary>Which usage to summarise.</summary>
/// <param name="Grouping">The grouping.</param>
/// <param name="KeyId">Only this key; null = all.</param>
/// <param name="Since">Only records at or after this time; null = all.</param>
public sealed record UsageQuery(UsageGrouping Grouping, string? KeyId = null, DateTimeOffset? Since = null);
