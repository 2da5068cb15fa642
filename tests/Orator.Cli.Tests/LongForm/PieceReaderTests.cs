using System.Text;
using Orator.Cli.Commands.Say.LongForm;
using Orator.Text;

namespace Orator.Cli.Tests.LongForm;

public sealed class PieceReaderTests
{
    private static readonly PieceLimits Small = new(Target: 100, Max: 300, MaxLine: 50);

    [Fact]
    public async Task A_short_text_is_one_piece_as_it_was_written()
    {
        const string text = "First line.\nSecond line.\n\nA new paragraph.";

        var pieces = await ReadAllAsync(text, PieceLimits.Default);

        var piece = Assert.Single(pieces);
        Assert.Equal(text, piece.Text);
        Assert.Equal(ChunkBreak.End, piece.BreakAfter);
        Assert.Equal((0L, (long)text.Length), (piece.Start, piece.End));
        Assert.Equal("First line.", piece.StartsPart);
    }

    [Fact]
    public async Task Pieces_end_at_the_first_paragraph_break_after_the_target()
    {
        var paragraphs = Enumerable.Range(1, 12).Select(i => $"Paragraph {i} has a sentence in it. And it has a second one.").ToArray();
        var text = string.Join("\n\n", paragraphs);

        var pieces = await ReadAllAsync(text, Small);

        Assert.True(pieces.Count > 2);
        Assert.All(pieces[..^1], p => Assert.Equal(ChunkBreak.Paragraph, p.BreakAfter));
        Assert.All(pieces[..^1], p => Assert.InRange(p.Text.Length, Small.Target, Small.Target + paragraphs[0].Length + 2));
        Assert.Equal(ChunkBreak.End, pieces[^1].BreakAfter);
        Assert.Equal(text, string.Join("\n\n", pieces.Select(p => p.Text)));
        Assert.NotNull(pieces[0].StartsPart);
        Assert.All(pieces.Skip(1), p => Assert.Null(p.StartsPart));
        AssertContiguous(pieces, text.Length);
    }

    [Fact]
    public async Task A_paragraph_longer_than_the_limit_is_cut_at_a_sentence_end()
    {
        var sentences = Enumerable.Range(1, 40).Select(i => $"This is sentence number {i} of one very long paragraph.");
        var text = string.Join(" ", sentences);

        var pieces = await ReadAllAsync(text, Small);

        Assert.True(pieces.Count > 3);
        Assert.All(pieces[..^1], p =>
        {
            Assert.Equal(ChunkBreak.Sentence, p.BreakAfter);
            Assert.EndsWith("paragraph.", p.Text, StringComparison.Ordinal);
            Assert.InRange(p.Text.Length, 1, Small.Max + Small.MaxLine);
        });
        Assert.Equal(Words(text), pieces.SelectMany(p => Words(p.Text)));
        AssertContiguous(pieces, text.Length);
    }

    [Fact]
    public async Task Text_without_spaces_or_sentences_is_still_cut_in_bounded_pieces()
    {
        var text = new string('x', 2_000);

        var pieces = await ReadAllAsync(text, Small);

        Assert.True(pieces.Count > 5);
        Assert.All(pieces, p => Assert.InRange(p.Text.Length, 1, Small.Max + Small.MaxLine));
        Assert.Equal(text, string.Concat(pieces.Select(p => p.Text)));
    }

    [Fact]
    public async Task Chapters_start_parts_titled_by_their_headings_and_text_before_them_is_a_part_of_its_own()
    {
        const string text = "A Short Book\nby Nobody\n\nChapter 1: Harbour\n\nIt was quiet.\n\n# Chapter Two\nShe walked.\n\nCHAPTER III\n\nThe end.\n";
        var rule = await RuleAsync(text);

        var pieces = await ReadAllAsync(text, PieceLimits.Default, rule);

        Assert.Equal(["A Short Book", "Chapter 1: Harbour", "Chapter Two", "CHAPTER III"], pieces.Select(p => p.StartsPart));
        Assert.Equal(["A Short Book\nby Nobody", "Chapter 1: Harbour\n\nIt was quiet.", "# Chapter Two\nShe walked.", "CHAPTER III\n\nThe end."], pieces.Select(p => p.Text));
        Assert.All(pieces, p => Assert.Equal(ChunkBreak.End, p.BreakAfter));
        AssertContiguous(pieces, text.Length);
    }

    [Fact]
    public async Task Headings_with_no_text_between_them_share_one_part()
    {
        const string text = "# Part One\n\n## Chapter 1\n\nText one.\n\n## Chapter 2\n\nText two.\n";
        var rule = await RuleAsync(text);

        var pieces = await ReadAllAsync(text, PieceLimits.Default, rule);

        Assert.Equal(["Part One – Chapter 1", "Chapter 2"], pieces.Select(p => p.StartsPart));
        Assert.Equal("# Part One\n\n## Chapter 1\n\nText one.", pieces[0].Text);
    }

    [Fact]
    public async Task Long_chapters_are_several_pieces_each_and_parts_end_without_a_pause()
    {
        var body = string.Join("\n\n", Enumerable.Range(1, 10).Select(i => $"Paragraph {i} of this chapter, long enough to count."));
        var text = $"Chapter 1\n\n{body}\n\nChapter 2\n\n{body}";
        var rule = await RuleAsync(text);

        var pieces = await ReadAllAsync(text, Small, rule);

        var second = pieces.FindIndex(p => p.StartsPart == "Chapter 2");
        Assert.True(second > 1);
        Assert.Equal(ChunkBreak.End, pieces[second - 1].BreakAfter);
        Assert.All(pieces[..(second - 1)], p => Assert.Equal(ChunkBreak.Paragraph, p.BreakAfter));
        Assert.True(pieces.Count - second > 1);
    }

    [Fact]
    public async Task Without_a_chapter_rule_headings_are_text()
    {
        const string text = "Chapter 1\n\nOne.\n\nChapter 2\n\nTwo.";

        var piece = Assert.Single(await ReadAllAsync(text, PieceLimits.Default));

        Assert.Equal(text, piece.Text);
    }

    [Fact]
    public async Task White_space_only_stretches_make_no_pieces()
    {
        Assert.Empty(await ReadAllAsync(" \n\n\t\n", PieceLimits.Default));
        Assert.Single(await ReadAllAsync("\n\n\nWords.\n\n\n", PieceLimits.Default));
    }

    [Theory]
    [InlineData("Short title", "Short title")]
    [InlineData("  spaced \t  out  ", "spaced out")]
    [InlineData("It was the best of times, it was the worst of times, it was the age of wisdom", "It was the best of times, it was the worst of times, it was…")]
    public void Titles_are_shortened_at_a_word(string line, string title) => Assert.Equal(title, PieceReader.Shorten(line));

    private static async Task<ChapterRule> RuleAsync(string text) =>
        (await TextSurvey.RunAsync(new StringReader(text), 100, CancellationToken.None)).Chapters;

    private static async Task<List<TextPiece>> ReadAllAsync(string text, PieceLimits limits, ChapterRule? rule = null)
    {
        var pieces = new List<TextPiece>();
        var reader = new PieceReader(new TrickleReader(text, 7), limits, rule);
        while (await reader.ReadAsync(CancellationToken.None) is { } piece)
        {
            pieces.Add(piece);
        }

        return pieces;
    }

    private static void AssertContiguous(List<TextPiece> pieces, long length)
    {
        Assert.Equal(0, pieces[0].Start);
        for (var i = 1; i < pieces.Count; i++)
        {
            Assert.Equal(pieces[i - 1].End, pieces[i].Start);
            Assert.True(pieces[i].End > pieces[i].Start);
        }

        Assert.Equal(length, pieces[^1].End);
    }

    private static string[] Words(string text) => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
}
