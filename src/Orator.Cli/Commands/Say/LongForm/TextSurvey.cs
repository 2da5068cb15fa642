namespace Orator.Cli.Commands.Say.LongForm;

/// <summary>
/// A first, cheap pass over the whole text before anything renders (a 1 MB book reads in
/// milliseconds): how many characters it has (for the progress display), whether there is
/// anything to say, and which headings start chapters.
/// </summary>
/// <param name="Characters">UTF-16 characters of the input, line breaks included.</param>
/// <param name="HasText">False when the input is empty or white space only.</param>
/// <param name="Chapters">Which headings start a chapter.</param>
internal sealed record TextSurvey(long Characters, bool HasText, ChapterRule Chapters)
{
    /// <summary>Reads <paramref name="reader"/> to its end in lines of at most <paramref name="maxLine"/> characters.</summary>
    /// <exception cref="IOException">The input cannot be read.</exception>
    public static async Task<TextSurvey> RunAsync(TextReader reader, int maxLine, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var lines = new BookLines(reader, maxLine);
        var levels = new int[7];
        var chapterLines = 0;
        var hasText = false;
        long characters = 0;
        while (await lines.ReadAsync(cancellationToken) is { } line)
        {
            characters = line.End;
            hasText |= !string.IsNullOrWhiteSpace(line.Text);
            if (line.HeadingLevel == BookLine.ChapterLineLevel)
            {
                chapterLines++;
            }
            else if (line.HeadingLevel > 0)
            {
                levels[line.HeadingLevel]++;
            }
        }

        return new TextSurvey(characters, hasText, ChapterRule.From(levels, chapterLines));
    }
}
