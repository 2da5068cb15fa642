using System.Buffers;
using System.Globalization;
using System.Text;

namespace Orator.Text.Characters;

/// <summary>
/// Grapheme-cluster safety: a chunk never starts or ends inside a surrogate pair, before a combining
/// mark or other extending character, after a zero-width joiner (emoji ZWJ sequences) or after a virama
/// (Indic conjuncts).
/// </summary>
internal static class Graphemes
{
    private const char ZeroWidthJoiner = '\u200D';

    /// <summary>Whether the character at <paramref name="index"/> attaches to the one before it.</summary>
    public static bool IsExtending(string text, int index)
    {
        char c = text[index];
        if (c is ZeroWidthJoiner or '\u200C' or '\uFF9E' or '\uFF9F')
        {
            return true;
        }

        if (char.IsHighSurrogate(c))
        {
            if (index + 1 >= text.Length || !char.IsLowSurrogate(text[index + 1]))
            {
                return false;
            }

            int codePoint = char.ConvertToUtf32(c, text[index + 1]);

            // Emoji skin-tone modifiers and tag characters (subdivision flags) extend the emoji before them.
            if (codePoint is (>= 0x1F3FB and <= 0x1F3FF) or (>= 0xE0020 and <= 0xE007F))
            {
                return true;
            }

            return IsMark(CharUnicodeInfo.GetUnicodeCategory(codePoint));
        }

        return !char.IsLowSurrogate(c) && IsMark(CharUnicodeInfo.GetUnicodeCategory(c));
    }

    /// <summary>Whether a chunk may begin at <paramref name="index"/> (and the previous one end there).</summary>
    public static bool IsValidSplit(string text, int index)
    {
        if (index <= 0 || index >= text.Length)
        {
            return true;
        }

        char before = text[index - 1];
        char at = text[index];
        if (char.IsHighSurrogate(before) && char.IsLowSurrogate(at))
        {
            return false;
        }

        if ((before == '\r' && at == '\n') || before == ZeroWidthJoiner)
        {
            return false;
        }

        return !IsExtending(text, index) && !(IsVirama(before) && char.IsLetter(at));
    }

    /// <summary>Index just past the grapheme cluster that starts at <paramref name="index"/>, within <paramref name="end"/>.</summary>
    public static int NextBoundary(string text, int index, int end)
    {
        // Fast path: below U+0300 nothing extends a character and only CR LF joins.
        int next = index + 1;
        if (next >= end || (text[index] < '\u0300' && text[next] < '\u0300' && text[index] != '\r'))
        {
            return next;
        }

        return index + Math.Max(1, StringInfo.GetNextTextElementLength(text.AsSpan(index, end - index)));
    }

    /// <summary>Whether an emoji (or a pictographic symbol) starts at <paramref name="index"/>.</summary>
    public static bool IsEmojiAt(string text, int index)
    {
        if (Rune.DecodeFromUtf16(text.AsSpan(index), out Rune rune, out _) != OperationStatus.Done)
        {
            return false;
        }

        // From U+2300 on, so that © ® ™ and currency signs stay with their words.
        return rune.Value >= 0x2300 && Rune.GetUnicodeCategory(rune) == UnicodeCategory.OtherSymbol;
    }

    private static bool IsMark(UnicodeCategory category) =>
        category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;

    // Viramas of the Brahmic scripts: the consonant after one joins it in a conjunct.
    private static bool IsVirama(char c) => c is '\u094D' or '\u09CD' or '\u0A4D' or '\u0ACD' or '\u0B4D' or '\u0BCD'
        or '\u0C4D' or '\u0CCD' or '\u0D4D' or '\u0DCA' or '\u1039' or '\u103A' or '\u17D2' or '\u1A60';
}
