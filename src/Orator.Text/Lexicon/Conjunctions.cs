using System.Collections.Frozen;

namespace Orator.Text.Lexicon;

/// <summary>
/// Lower-case conjunctions and relative words: when a sentence without punctuation must be cut, a cut
/// before one of these falls at a clause boundary more often than a cut anywhere else.
/// </summary>
internal static class Conjunctions
{
    private const int LongestWord = 12;

    private static readonly FrozenSet<string> s_words = FrozenSet.ToFrozenSet(
    [
        "and", "but", "or", "nor", "so", "yet", "because", "although", "though", "while", "whereas", "which", "who",
        "when", "where", "unless", "until", "since", "then",
        "und", "oder", "aber", "denn", "weil", "dass", "sondern",
        "et", "mais", "ou", "donc", "car", "puis", "y", "pero", "porque", "sino", "e", "ma", "perché", "oppure",
        "и", "но", "а", "или", "что", "потому", "když", "ale",
    ], StringComparer.Ordinal);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> s_lookup =
        s_words.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Whether a whole word at <paramref name="index"/> is a conjunction.</summary>
    public static bool StartsAt(string text, int index)
    {
        int end = index;
        while (end < text.Length && end - index <= LongestWord && char.IsLetter(text[end]))
        {
            end++;
        }

        return end > index && end - index <= LongestWord && s_lookup.Contains(text.AsSpan(index, end - index));
    }
}
