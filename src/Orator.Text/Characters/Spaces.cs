namespace Orator.Text.Characters;

/// <summary>White space as the splitter sees it: where a chunk may end, and how many line breaks a gap holds.</summary>
internal static class Spaces
{
    /// <summary>
    /// Unicode white space, unless an extending character (a combining mark, ZWJ...) follows it: then it
    /// is the base of a visible cluster and counts as content, so no chunk starts with a lone mark. A CR
    /// goes with the LF after it.
    /// </summary>
    public static bool IsBreakable(string text, int index)
    {
        if (!char.IsWhiteSpace(text[index]))
        {
            return false;
        }

        int next = index + 1;
        if (next >= text.Length)
        {
            return true;
        }

        return text[index] == '\r' && text[next] == '\n' ? IsBreakable(text, next) : !Graphemes.IsExtending(text, next);
    }

    /// <summary>Breakable white space that does not end a line.</summary>
    public static bool IsInline(string text, int index) => IsBreakable(text, index) && !IsLineBreak(text[index]);

    /// <summary>Characters that end a line.</summary>
    public static bool IsLineBreak(char c) =>
        c is '\n' or '\r' or '\v' or '\f' or '\u0085' or '\u2028' or '\u2029';

    /// <summary>No-break spaces: a forced cut avoids them ("10 km", French "mot ?").</summary>
    public static bool IsNoBreak(char c) => c is '\u00A0' or '\u202F' or '\u2007' or '\u2060';

    /// <summary>Index of the first non-breakable-space character at or after <paramref name="index"/>, or <paramref name="end"/>.</summary>
    public static int Skip(string text, int index, int end)
    {
        while (index < end && IsBreakable(text, index))
        {
            index++;
        }

        return index;
    }

    /// <summary>
    /// Like <see cref="Skip"/>, counting the line breaks passed: CR LF counts once; a paragraph
    /// separator (U+2029) or a form feed counts as two, a blank line.
    /// </summary>
    public static int SkipRun(string text, int index, int end, out int lineBreaks)
    {
        lineBreaks = 0;
        while (index < end && IsBreakable(text, index))
        {
            char c = text[index];
            if (c is '\u2029' or '\f')
            {
                lineBreaks += 2;
            }
            else if (IsLineBreak(c) && !(c == '\n' && index > 0 && text[index - 1] == '\r'))
            {
                lineBreaks++;
            }

            index++;
        }

        return index;
    }

    /// <summary>Moves <paramref name="end"/> back over breakable space, not past <paramref name="start"/>.</summary>
    public static int TrimEnd(string text, int start, int end)
    {
        while (end > start && IsBreakable(text, end - 1))
        {
            end--;
        }

        return end;
    }
}
