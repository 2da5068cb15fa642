using Orator.Cli.Commands.Say.LongForm;

namespace Orator.Cli.Tests.LongForm;

public sealed class BookLinesTests
{
    [Fact]
    public async Task A_chapter_line_is_a_heading_only_between_blank_lines()
    {
        const string text = "Chapter 1\n\nIt began.\nChapter 2\nwas next.\n\nChapter 3\n";

        var lines = await ReadAllAsync(text);

        Assert.Equal(
            [("Chapter 1", 0), ("", -1), ("It began.", -1), ("Chapter 2", -1), ("was next.", -1), ("", -1), ("Chapter 3", 0)],
            lines.Select(l => (l.Text, l.HeadingLevel)));
        Assert.Equal("Chapter 1", lines[0].Title);
    }

    [Fact]
    public async Task A_markdown_heading_needs_no_blank_lines_but_a_fragment_is_never_a_heading()
    {
        var text = "# Title\nbody\n" + new string('x', 30) + "# not a heading\n";

        var lines = await ReadAllAsync(text, maxLine: 30);

        Assert.Equal((1, "Title"), (lines[0].HeadingLevel, lines[0].Title));
        Assert.All(lines.Skip(1), l => Assert.False(l.IsHeading));
        Assert.False(lines[^1].StartsLine);
        Assert.False(lines[^1].IsBlank);
    }

    private static async Task<List<BookLine>> ReadAllAsync(string text, int maxLine = 100)
    {
        var lines = new List<BookLine>();
        var reader = new BookLines(new StringReader(text), maxLine);
        while (await reader.ReadAsync(CancellationToken.None) is { } line)
        {
            lines.Add(line);
        }

        return lines;
    }
}
