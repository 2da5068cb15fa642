using System.Text.RegularExpressions;

namespace Orator.Cli.Commands.Say.LongForm;

/// <summary>
/// Recognises the lines that can start a chapter: Markdown ATX headings (<c># Title</c> to
/// <c>###### Title</c>, up to three spaces before, closing hashes dropped) and chapter lines
/// (<c>Chapter 1</c>, <c>CHAPTER ONE</c>, <c>Chapter IV: The Storm</c>, <c>Chapter twenty-one.</c>).
/// Whether a chapter line stands alone between blank lines is <see cref="BookLines"/>' call; this
/// looks at one line.
/// </summary>
internal static partial class HeadingLine
{
    /// <summary>A chapter line longer than this is a sentence that happens to start with "Chapter".</summary>
    public const int MaxChapterLine = 100;

    /// <summary>The level (1..6) and title of a Markdown heading, or null.</summary>
    public static (int Level, string Title)? Markdown(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var match = MarkdownPattern().Match(line);
        return match.Success ? (match.Groups["hashes"].Length, match.Groups["title"].Value) : null;
    }

    /// <summary>True for a chapter line (<c>Chapter</c>, a number in digits, Roman numerals or English words, then optionally a title).</summary>
    public static bool IsChapterLine(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var trimmed = line.AsSpan().Trim();
        return trimmed.Length <= MaxChapterLine && ChapterPattern().IsMatch(trimmed);
    }

    [GeneratedRegex(@"^ {0,3}(?<hashes>#{1,6})[ \t]+(?<title>.*?\S)(?:[ \t]+#+)?[ \t]*$", RegexOptions.CultureInvariant)]
    private static partial Regex MarkdownPattern();

    private const string NumberWord =
        "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
        + "|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred";

    [GeneratedRegex(
        @"^chapter\s+(?:\d{1,4}|(?=[ivxlcdm])m{0,4}(?:cm|cd|d?c{0,3})(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})|(?:" + NumberWord + @")(?:[\s-]+(?:and[\s-]+)?(?:" + NumberWord + @"))*)(?:$|[\s:.,\-–—]+.*$)",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex ChapterPattern();
}
