using System.Globalization;

namespace Orator.Text.Characters;

/// <summary>Punctuation classes: sentence terminators, clause marks, quotes and brackets.</summary>
internal static class Punctuation
{
    /// <summary>
    /// Terminators of cased scripts that also appear inside sentences (abbreviations, "Yahoo!",
    /// "wait... what"): they end a sentence only before white space and a likely sentence start.
    /// </summary>
    public static bool IsWeakTerminator(char c) => c is '.' or '!' or '?' or '\u2026' // …
        or '\u203C' or '\u203D' or '\u2047' or '\u2048' or '\u2049' or '\u2E2E' // ‼ ‽ ⁇ ⁈ ⁉ ⸮
        or '\u037E' or '\u0589' or '\uFE52'; // Greek question mark, Armenian full stop, small full stop

    /// <summary>
    /// Terminators that are never used inside a sentence, of scripts written without spaces or
    /// without case: they end a sentence wherever they stand.
    /// </summary>
    public static bool IsStrongTerminator(char c) => c is '\u3002' or '\uFF61' or '\uFF01' or '\uFF1F' or '\uFF0E' // 。 ｡ ！ ？ ．
        or '\uFE56' or '\uFE57' // small ？ ！
        or '\u0964' or '\u0965' // Devanagari danda, double danda
        or '\u061F' or '\u06D4' // Arabic question mark, Arabic (Urdu) full stop
        or '\u05C3' // Hebrew sof pasuq
        or '\u0700' or '\u0701' or '\u0702' // Syriac
        or '\u1362' or '\u1367' or '\u1368' // Ethiopic full stop, question mark, paragraph separator
        or '\u104B' // Myanmar section
        or '\u17D4' or '\u17D5' // Khmer
        or '\u0E5A' or '\u0E5B' // Thai angkhankhu, khomut
        or '\u0F0E' // Tibetan double shad
        or '\u1803' or '\u1809' // Mongolian full stops
        or '\u166E'; // Canadian syllabics full stop

    /// <summary>Whether the character at <paramref name="index"/> is a sentence terminator in its context.</summary>
    public static bool IsTerminatorAt(string text, int index)
    {
        char c = text[index];
        if (c == '\uFF0E')
        {
            // Fullwidth full stop: a decimal point between fullwidth digits, a period elsewhere.
            return index + 1 >= text.Length || !IsDigitOrLatinLetter(text[index + 1]);
        }

        if (IsWeakTerminator(c) || IsStrongTerminator(c))
        {
            return true;
        }

        // Greek writes its question mark as ';' (U+037E normalises to it); Armenian text often types its
        // full stop as ':'.
        return index > 0 && ((c == ';' && IsGreekLetter(text[index - 1])) || (c == ':' && IsArmenianLetter(text[index - 1])));
    }

    /// <summary>Whether a clause mark is at <paramref name="index"/>, and whether a cut after it needs white space.</summary>
    public static ClauseMark ClauseMarkAt(string text, int index)
    {
        char c = text[index];
        switch (c)
        {
            case ',' or ';' or ':' or '\u0387' or '\u00B7' or '\u055D' or '\u2013':
                return ClauseMark.BeforeSpace;
            case '!' or '?' or '\u203C' or '\u203D' or '\u2047' or '\u2048' or '\u2049' or '\u037E' or '\u0589':
                return ClauseMark.BeforeSpace;
            case '.':
                // The end of an ellipsis; a single period only if it is not an abbreviation or an initial.
                return index > 0 && text[index - 1] == '.' ? ClauseMark.BeforeSpace
                    : index + 1 < text.Length && text[index + 1] == '.' ? ClauseMark.None : ClauseMark.Period;
            case '-':
                // A spaced hyphen or a double hyphen used as a dash; never a hyphenated word.
                return index > 0 && (text[index - 1] == '-' || char.IsWhiteSpace(text[index - 1]))
                    ? ClauseMark.BeforeSpace : ClauseMark.None;
            case '\u2014' or '\u2015':
                // An em dash may be written without spaces ("word—word"), but not in a range of numbers.
                return index > 0 && index + 1 < text.Length && char.IsDigit(text[index - 1]) && char.IsDigit(text[index + 1])
                    ? ClauseMark.None : ClauseMark.Anywhere;
            case '\u2026':
                return ClauseMark.Anywhere;
            case '\uFF0C' or '\u3001' or '\uFF1B' or '\uFF1A' or '\uFF64' or '\uFE50' or '\uFE51' or '\uFE54' or '\uFE55':
                return ClauseMark.Anywhere; // CJK commas, semicolons and colons
            case '\u060C' or '\u061B' or '\u1363' or '\u1364' or '\u1365' or '\u1366' or '\u104A' or '\u0F0D':
                return ClauseMark.Anywhere; // Arabic, Ethiopic, Myanmar, Tibetan
            default:
                // A strong terminator that did not end a sentence (「…。」と) still marks a clause.
                return IsStrongTerminator(c) ? ClauseMark.Anywhere : ClauseMark.None;
        }
    }

    /// <summary>Closing quotes and brackets that stay with the terminator before them: <c>."</c> <c>!)</c> <c>。」</c> <c>?»</c>.</summary>
    /// <param name="c">The character after the terminator (or after another closer).</param>
    /// <param name="initialQuotes">
    /// Whether initial quotes close too: German closes with “ (<c>„Halt!“</c>), but in Chinese “ after 。 opens the next sentence.
    /// </param>
    public static bool IsCloser(char c, bool initialQuotes = true) =>
        c is '"' or '\'' or '*' or '_' or '\uFF02' or '\uFF07'
        || CharUnicodeInfo.GetUnicodeCategory(c) switch
        {
            UnicodeCategory.ClosePunctuation or UnicodeCategory.FinalQuotePunctuation => true,
            UnicodeCategory.InitialQuotePunctuation => initialQuotes,
            _ => false,
        };

    /// <summary>What may stand before the first letter of a sentence: quotes, brackets, dashes, ¿ ¡.</summary>
    public static bool IsOpener(char c) =>
        c is '"' or '\'' or '*' or '_' or '\u00BF' or '\u00A1' or '\uFF02' or '\uFF07'
        || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.OpenPunctuation or UnicodeCategory.InitialQuotePunctuation
            or UnicodeCategory.FinalQuotePunctuation or UnicodeCategory.DashPunctuation;

    /// <summary>
    /// Punctuation that continues the text before it and so cannot start a sentence or a chunk:
    /// terminators, clause marks and closing brackets ("Hello . . . world", French "mot ?").
    /// </summary>
    public static bool IsContinuation(string text, int index)
    {
        char c = text[index];
        return IsTerminatorAt(text, index) || c is ',' or ';' or ':' or '%' or '\u00BB' or '\u203A'
            || (ClauseMarkAt(text, index) == ClauseMark.Anywhere && c is not ('\u2014' or '\u2015'))
            || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.ClosePunctuation;
    }

    private static bool IsDigitOrLatinLetter(char c) =>
        char.IsAsciiLetterOrDigit(c) || c is (>= '\uFF10' and <= '\uFF19') or (>= '\uFF21' and <= '\uFF3A') or (>= '\uFF41' and <= '\uFF5A');

    private static bool IsGreekLetter(char c) => c is (>= '\u0370' and <= '\u03FF') or (>= '\u1F00' and <= '\u1FFF') && char.IsLetter(c);

    private static bool IsArmenianLetter(char c) => c is >= '\u0531' and <= '\u0587' && char.IsLetter(c);
}
