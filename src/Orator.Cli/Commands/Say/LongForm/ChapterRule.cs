namespace Orator.Cli.Commands.Say.LongForm;

/// <summary>
/// Which headings start a chapter for <c>--split chapters</c>: every chapter line, and the
/// Markdown headings down to <see cref="MarkdownLevel"/>, the shallowest level the book uses at
/// least twice (else the shallowest it uses at all): in a book with one <c># Title</c> and many
/// <c>## Chapter</c> headings the chapters are the <c>##</c> ones, and <c>###</c> sections stay inside them.
/// </summary>
/// <param name="MarkdownLevel">The deepest Markdown heading level that starts a chapter; 0 when none does.</param>
/// <param name="MaxStarts">How many lines at most start a chapter (an upper bound: headings with no text between them share one part).</param>
internal readonly record struct ChapterRule(int MarkdownLevel, int MaxStarts)
{
    /// <summary>True when <paramref name="line"/> starts a chapter.</summary>
    public bool StartsChapter(BookLine line) =>
        line.HeadingLevel == BookLine.ChapterLineLevel || (line.HeadingLevel > 0 && line.HeadingLevel <= MarkdownLevel);

    /// <summary>The rule for a book whose Markdown headings per level (index 1..6) and chapter lines were counted.</summary>
    public static ChapterRule From(ReadOnlySpan<int> headingsPerLevel, int chapterLines)
    {
        var level = 0;
        for (var l = 1; l < headingsPerLevel.Length && level == 0; l++)
        {
            level = headingsPerLevel[l] >= 2 ? l : 0;
        }

        for (var l = 1; l < headingsPerLevel.Length && level == 0; l++)
        {
            level = headingsPerLevel[l] >= 1 ? l : 0;
        }

        var starts = chapterLines;
        for (var l = 1; l <= level; l++)
        {
            starts += headingsPerLevel[l];
        }

        return new ChapterRule(level, starts);
    }
}
