namespace Orator.Storage.Keys;

/// <summary>Per-key limits; null means unlimited.</summary>
/// <param name="RequestsPerMinute">Requests per calendar minute (UTC).</param>
/// <param name="CharactersPerMinute">Input characters per calendar minute (UTC).</param>
/// <param name="CharactersPerDay">Input characters per UTC day.</param>
/// <param name="CharactersPerMonth">Input characters per UTC calendar month.</param>
public sealed record KeyLimits(long? RequestsPerMinute = null, long? CharactersPerMinute = null, long? CharactersPerDay = null, long? CharactersPerMonth = null)
{
    /// <summary>No limits at all.</summary>
    public static KeyLimits None { get; } = new();

    /// <summary>True when a character limit or quota applies.</summary>
    public bool LimitsCharacters => CharactersPerMinute is not null || CharactersPerDay is not null || CharactersPerMonth is not null;

    /// <summary>True when any limit applies.</summary>
    public bool Any => RequestsPerMinute is not null || LimitsCharacters;
}
