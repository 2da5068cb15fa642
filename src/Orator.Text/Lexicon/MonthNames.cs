using System.Collections.Frozen;

namespace Orator.Text.Lexicon;

/// <summary>
/// German month names: German writes ordinal dates with a period ("am 3. Oktober"), and its nouns are
/// capitalised, so a number, a period and a month is no sentence end.
/// </summary>
internal static class MonthNames
{
    private static readonly FrozenSet<string> s_names = FrozenSet.ToFrozenSet(
    [
        "Januar", "Jänner", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
        "November", "Dezember", "Jan", "Feb", "Mär", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Okt", "Nov", "Dez",
    ], StringComparer.Ordinal);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> s_lookup =
        s_names.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Whether <paramref name="word"/> is a German month name or its abbreviation.</summary>
    public static bool Contains(ReadOnlySpan<char> word) => s_lookup.Contains(word);
}
