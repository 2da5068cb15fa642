using System.Globalization;
using System.Text;

namespace Orator.Engines.Words;

/// <summary>
/// The words a timing is reported for: the whitespace-delimited tokens of a segment's text with
/// leading and trailing punctuation and symbols stripped (<c>dollars.</c> is <c>dollars</c>).
/// A token with no letter or digit is no word. Every engine maps what it speaks onto these, so
/// all engines agree on what a word is.
/// </summary>
internal static class WordTokens
{
    /// <summary>The words of <paramref name="text"/>, in text order.</summary>
    public static WordToken[] Split(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = new List<WordToken>();
        var position = 0;
        while (position < text.Length)
        {
            while (position < text.Length && IsSpace(text, position))
            {
                position++;
            }

            var start = position;
            while (position < text.Length && !IsSpace(text, position))
            {
                position++;
            }

            if (position > start && Trim(text, start, position) is { } word)
            {
                words.Add(word);
            }
        }

        return [.. words];
    }

    /// <summary>
    /// Index of the word that the engine's text range <paramref name="start"/>..<paramref name="end"/>
    /// (UTF-16, end exclusive) belongs to: the first word whose token overlaps it, or -1.
    /// </summary>
    public static int Find(ReadOnlySpan<WordToken> words, int start, int end, int from = 0)
    {
        end = Math.Max(end, start + 1);
        for (var i = Math.Max(0, from); i < words.Length; i++)
        {
            if (words[i].TokenStart < end && words[i].TokenEnd > start)
            {
                return i;
            }

            if (words[i].TokenStart >= end)
            {
                break;
            }
        }

        return -1;
    }

    private static WordToken? Trim(string text, int start, int end)
    {
        var first = start;
        while (first < end && IsPunctuation(text, first, out var width))
        {
            first += width;
        }

        var last = end;
        while (last > first && IsPunctuationBefore(text, last, out var width))
        {
            last -= width;
        }

        return last > first ? new WordToken(first, last - first, start, end) : null;
    }

    private static bool IsSpace(string text, int index) => char.IsWhiteSpace(text[index]);

    // A stray surrogate decodes as U+FFFD, a symbol: stripped like punctuation.
    private static bool IsPunctuation(string text, int index, out int width)
    {
        Rune.DecodeFromUtf16(text.AsSpan(index), out var rune, out width);
        return IsPunctuation(rune);
    }

    private static bool IsPunctuationBefore(string text, int end, out int width)
    {
        Rune.DecodeLastFromUtf16(text.AsSpan(0, end), out var rune, out width);
        return IsPunctuation(rune);
    }

    private static bool IsPunctuation(Rune rune) => Rune.GetUnicodeCategory(rune) switch
    {
        UnicodeCategory.ConnectorPunctuation or UnicodeCategory.DashPunctuation or UnicodeCategory.OpenPunctuation
            or UnicodeCategory.ClosePunctuation or UnicodeCategory.InitialQuotePunctuation
            or UnicodeCategory.FinalQuotePunctuation or UnicodeCategory.OtherPunctuation
            or UnicodeCategory.MathSymbol or UnicodeCategory.CurrencySymbol or UnicodeCategory.ModifierSymbol
            or UnicodeCategory.OtherSymbol or UnicodeCategory.Control or UnicodeCategory.Format => true,
        _ => false,
    };
}
