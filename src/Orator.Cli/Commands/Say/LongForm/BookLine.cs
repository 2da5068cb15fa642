namespace Orator.Cli.Commands.Say.LongForm;

/// <summary>One line of a book as long form reads it.</summary>
/// <param name="Text">The line (or fragment of an over-long line), without its line break.</param>
/// <param name="StartsLine">False for a fragment that continues the one before (no line break between them).</param>
/// <param name="EndsLine">False for a fragment the next one continues.</param>
/// <param name="End">Characters of the input read through this line.</param>
/// <param name="HeadingLevel">
/// 1..6 for a Markdown heading, <see cref="ChapterLineLevel"/> for a chapter line standing alone
/// between blank lines, <see cref="NotHeading"/> otherwise.
/// </param>
/// <param name="Title">The heading's title (a Markdown heading without its hashes), or null.</param>
internal readonly record struct BookLine(string Text, bool StartsLine, bool EndsLine, long End, int HeadingLevel, string? Title)
{
    /// <summary><see cref="HeadingLevel"/> of a line that is no heading.</summary>
    public const int NotHeading = -1;

    /// <summary><see cref="HeadingLevel"/> of a chapter line (<c>Chapter 1</c>).</summary>
    public const int ChapterLineLevel = 0;

    /// <summary>A whole line of white space only (a paragraph break).</summary>
    public bool IsBlank => StartsLine && EndsLine && string.IsNullOrWhiteSpace(Text);

    /// <summary>A Markdown heading or a chapter line.</summary>
    public bool IsHeading => HeadingLevel != NotHeading;
}
