using Orator.Cli.Commands.Say.LongForm;

namespace Orator.Cli.Tests.LongForm;

public sealed class BoundedLineReaderTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(10_000)]
    public async Task Every_kind_of_line_break_ends_a_line_wherever_the_reads_fall(int perRead)
    {
        const string text = "one\ntwo\r\nthree\rfour\r\n\r\nfive";

        var lines = await ReadAllAsync(new TrickleReader(text, perRead), maxLine: 100);

        Assert.Equal(["one", "two", "three", "four", "", "five"], lines.Select(l => l.Text));
        Assert.All(lines, l => Assert.True(l.EndsLine));
        Assert.Equal([4L, 9, 15, 21, 23, 27], lines.Select(l => l.End));
    }

    [Fact]
    public async Task A_line_longer_than_the_limit_comes_in_fragments()
    {
        var text = new string('a', 25) + "\nbb";

        var lines = await ReadAllAsync(new StringReader(text), maxLine: 10);

        Assert.Equal([(new string('a', 10), false), (new string('a', 10), false), ("aaaaa", true), ("bb", true)], lines.Select(l => (l.Text, l.EndsLine)));
        Assert.Equal(text.Length, lines[^1].End);
    }

    [Fact]
    public async Task A_line_exactly_as_long_as_the_limit_is_one_whole_line()
    {
        var lines = await ReadAllAsync(new TrickleReader("0123456789\r\nnext", 4), maxLine: 10);

        Assert.Equal([("0123456789", true), ("next", true)], lines.Select(l => (l.Text, l.EndsLine)));
    }

    [Fact]
    public async Task An_empty_text_has_no_lines_and_a_final_line_break_adds_none()
    {
        Assert.Empty(await ReadAllAsync(new StringReader(""), 10));
        Assert.Equal(["last"], (await ReadAllAsync(new StringReader("last\n"), 10)).Select(l => l.Text));
    }

    private static async Task<List<LineRead>> ReadAllAsync(TextReader reader, int maxLine)
    {
        var lines = new List<LineRead>();
        var lineReader = new BoundedLineReader(reader, maxLine);
        while (await lineReader.ReadAsync(CancellationToken.None) is { } line)
        {
            lines.Add(line);
        }

        return lines;
    }
}
