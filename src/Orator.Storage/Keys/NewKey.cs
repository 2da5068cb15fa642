namespace Orator.Storage.Keys;

/// <summary>What to create a key with.</summary>
/// <param name="Name">The operator's label (any text; stored as a parameter).</param>
/// <param name="Models">Models the key may use; null or empty = all.</param>
/// <param name="Limits">Rate limits and quotas.</param>
/// <param name="ExpiresAt">When the key stops working; null = never.</param>
public sealed record NewKey(string Name, IReadOnlyList<string>? Models = null, KeyLimits? Limits = null, DateTimeOffset? ExpiresAt = null);
