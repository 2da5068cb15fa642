namespace Orator.Text.Splitting;

/// <summary>
/// Line starts that make a line a list item or a heading: bullets (<c>- * + •</c>), numbers and letters
/// (<c>1.</c> <c>2)</c> <c>a)</c> <c>IV.</c>), Markdown headings (<c>## </c>) and quotes (<c>&gt; </c>).
/// </summary>
internal static class ListMarkers
{
    /// <summary>Whether a list or heading marker, followed by a space, starts at <paramref name="index"/>.</summary>
    public static bool IsAt(string text, int index)
    {
        int n = text.Length;
        if (index >= n - 1)
        {
            return false;
        }

        char c = text[index];
        if (IsBullet(c) || c == '>')
        {
            return IsSpace(text[index + 1]);
        }

        if (c == '#')
        {
            int hashes = index;
            while (hashes < n && text[hashes] == '#' && hashes - index < 6)
            {
                hashes++;
            }

            return hashes < n && IsSpace(text[hashes]);
        }

        int j = index + (c == '(' ? 1 : 0);
        int end = MarkerWordEnd(text, j);
        return end > j && end < n - 1 && (text[end] == ')' || (text[end] == '.' && c != '(')) && IsSpace(text[end + 1]);
    }

    /// <summary>Whether a word before a period is a list number or letter: 1–3 digits, one letter, a roman numeral.</summary>
    public static bool IsMarkerWord(ReadOnlySpan<char> word) =>
        (word.Length is > 0 and <= 3 && !word.ContainsAnyExceptInRange('0', '9'))
        || (word.Length == 1 && char.IsLetter(word[0]))
        || IsRomanNumeral(word);

    private static int MarkerWordEnd(string text, int start)
    {
        int end = start;
        while (end < text.Length && end - start < 6 && char.IsAsciiLetterOrDigit(text[end]))
        {
            end++;
        }

        return IsMarkerWord(text.AsSpan(start, end - start)) ? end : start;
    }

    private static bool IsRomanNumeral(ReadOnlySpan<char> word) =>
        word.Length is > 0 and <= 6 && (!word.ContainsAnyExcept("IVXLC") || !word.ContainsAnyExcept("ivxlc"));

    private static bool IsBullet(char c) => c is '-' or '*' or '+' or '\u2022' or '\u2023' or '\u2043' or '\u25E6'
        or '\u25AA' or '\u25AB' or '\u25CF' or '\u25CB' or '\u25A0' or '\u25A1' or '\u2013' or '\u2014' or '\u00B7'
        or '\u2713' or '\u2714' or '\u2192' or '\u27A2';

    private static bool IsSpace(char c) => c is ' ' or '\t' or '\u00A0' or '\u3000';
}
