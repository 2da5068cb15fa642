using System.Globalization;
using System.Text;

namespace Orator.Speech.Captions;

/// <summary>The character classes the caption builder breaks on, and white-space collapsing.</summary>
internal static class CaptionCharacters
{
    /// <summary>
    /// White space a line may break at. No-break spaces (<c>10&#160;km</c>) and the byte-order mark are
    /// not: they keep their words together.
    /// </summary>
    public static bool IsBreakableSpace(char c) => char.IsWhiteSpace(c) && c is not ('\u00A0' or '\u2007' or '\u202F' or '\uFEFF');

    /// <summary>Line breaks: one in the gap between two words marks at least a clause end.</summary>
    public static bool IsLineBreak(char c) => c is '\n' or '\r' or '\u2028' or '\u2029' or '\u0085' or '\f' or '\v';

    /// <summary>Marks after which a cue or a line may end mid-sentence, as good places to.</summary>
    public static bool IsClauseMark(char c) =>
        c is ',' or ';' or ':' or '!' or '?' or '\u2026' or '\u2013' or '\u2014' or '\u2015' or '\u2012'
            or '\u0387' or '\u00B7' or '\u055D' or '\u060C' or '\u061B' or '\u1363' or '\u1364' or '\u1365' or '\u1366'
            or '\u3001' or '\u3002' or '\uFF0C' or '\uFF1B' or '\uFF1A' or '\uFF01' or '\uFF1F' or '\uFF64'
            or '\uFE50' or '\uFE51' or '\uFE54' or '\uFE55'
        || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.OpenPunctuation or UnicodeCategory.ClosePunctuation;

    /// <summary>
    /// Punctuation that separates words without any space: dashes, the ellipsis and CJK punctuation.
    /// Any other mark between two words with no space (<c>well-known</c>, <c>3.5</c>, <c>don't</c>)
    /// joins them into one unbreakable unit.
    /// </summary>
    public static bool SeparatesWithoutSpace(char c) =>
        c is '\u2014' or '\u2015' or '\u2026' or '\u060C' or '\u061B'
        || (c >= '\u3000' && c <= '\u303F')
        || (c >= '\uFF01' && c <= '\uFF65' && !char.IsLetterOrDigit(c));

    /// <summary>
    /// Letters of scripts written without spaces between words (Chinese, Japanese, Thai, Lao, Khmer,
    /// Myanmar, Tibetan): two words of these that touch may be broken apart.
    /// </summary>
    public static bool IsSpacelessScript(char c) =>
        (c >= '\u0E00' && c <= '\u0FFF') // Thai, Lao, Tibetan
        || (c >= '\u1000' && c <= '\u109F') // Myanmar
        || (c >= '\u1780' && c <= '\u17FF') // Khmer
        || (c >= '\u2E80' && c <= '\u9FFF') // CJK radicals, kana, ideographs
        || (c >= '\uF900' && c <= '\uFAFF') // CJK compatibility ideographs
        || (c >= '\uFF66' && c <= '\uFF9F') // halfwidth katakana
        || char.IsSurrogate(c); // supplementary ideographs (and emoji, which are as safe to break beside)

    /// <summary>What may stand before a word and belongs with it: opening brackets and quotes, ¿ ¡.</summary>
    public static bool IsOpener(char c) =>
        c is '\u00BF' or '\u00A1'
        || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.OpenPunctuation or UnicodeCategory.InitialQuotePunctuation;

    /// <summary>Whether the text holds a letter or a digit (so it is words, not punctuation).</summary>
    public static bool HasLetterOrDigit(ReadOnlySpan<char> text)
    {
        foreach (char c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The text with every run of breakable white space (line breaks included) made one space.</summary>
    public static string Collapse(ReadOnlySpan<char> text)
    {
        var collapsed = new StringBuilder(text.Length);
        bool inSpace = false;
        foreach (char c in text)
        {
            if (IsBreakableSpace(c))
            {
                if (!inSpace)
                {
                    collapsed.Append(' ');
                }

                inSpace = true;
            }
            else
            {
                collapsed.Append(c);
                inSpace = false;
            }
        }

        return collapsed.ToString();
    }

    /// <summary>Length in text elements (grapheme clusters): an emoji sequence or a letter with its accents is one.</summary>
    public static int Width(ReadOnlySpan<char> text)
    {
        int count = 0;
        while (!text.IsEmpty)
        {
            text = text[Math.Max(1, StringInfo.GetNextTextElementLength(text))..];
            count++;
        }

        return count;
    }
}
