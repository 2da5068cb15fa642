using System.Diagnostics;

namespace Orator.Text.Tests;

/// <summary>The public surface: arguments, options, offsets, breaks and lazy enumeration.</summary>
public sealed class SentenceSplitterTests
{
    private static readonly SentenceSplitter s_raw = new(new SplitterOptions { MinChunkCharacters = 0 });

    [Fact]
    public void A_null_text_is_rejected()
    {
        var splitter = new SentenceSplitter();

        Assert.Throws<ArgumentNullException>(() => splitter.Split(null!));
        Assert.Throws<ArgumentNullException>(() => splitter.Enumerate(null!));
    }

    [Theory]
    [InlineData(0, 0, 0)]
    [InlineData(100, 0, 0)]
    [InlineData(100, 101, 0)]
    [InlineData(100, 50, -1)]
    [InlineData(100, 50, 101)]
    public void Out_of_range_options_are_rejected(int max, int firstMax, int min)
    {
        var options = new SplitterOptions { MaxChunkCharacters = max, FirstChunkMaxCharacters = firstMax, MinChunkCharacters = min };

        Assert.Throws<ArgumentOutOfRangeException>(() => new SentenceSplitter(options));
    }

    [Fact]
    public void The_default_options_are_300_120_and_20_with_dropping()
    {
        SplitterOptions options = new SentenceSplitter().Options;

        Assert.Equal(300, options.MaxChunkCharacters);
        Assert.Equal(120, options.FirstChunkMaxCharacters);
        Assert.Equal(20, options.MinChunkCharacters);
        Assert.True(options.DropChunksWithoutLettersOrDigits);
        Assert.Same(SplitterOptions.Default, options);
    }

    [Fact]
    public void Offsets_point_at_the_chunk_text_in_the_original_string()
    {
        const string input = "  First one.\n\n\tSecond one!  ";

        IReadOnlyList<TextChunk> chunks = s_raw.Split(input);

        Assert.Equal([new TextChunk("First one.", 2, 10, ChunkBreak.Paragraph), new TextChunk("Second one!", 15, 11, ChunkBreak.End)], chunks);
        Assert.Equal(12, chunks[0].End);
    }

    [Theory]
    [InlineData("One. Two.", ChunkBreak.Sentence)]
    [InlineData("One\n\nTwo", ChunkBreak.Paragraph)]
    [InlineData("One.\r\n\r\nTwo.", ChunkBreak.Paragraph)]
    [InlineData("One\u2029Two", ChunkBreak.Paragraph)]
    [InlineData("One\fTwo", ChunkBreak.Paragraph)]
    [InlineData("# One\nTwo", ChunkBreak.Line)]
    [InlineData("One:\n- Two", ChunkBreak.Line)]
    [InlineData("1. One.\n2. Two.", ChunkBreak.Line)]
    [InlineData("One。Two。", ChunkBreak.Sentence)]
    public void The_first_chunk_reports_what_ended_it(string input, ChunkBreak expected)
    {
        IReadOnlyList<TextChunk> chunks = s_raw.Split(input);

        Assert.Equal(2, chunks.Count);
        Assert.Equal(expected, chunks[0].Break);
        Assert.Equal(ChunkBreak.End, chunks[1].Break);
    }

    [Fact]
    public void Only_the_last_chunk_ends_the_input_even_when_what_follows_it_is_dropped()
    {
        IReadOnlyList<TextChunk> chunks = s_raw.Split("One. Two.\n\n???");

        Assert.Equal(["One.", "Two."], chunks.Select(chunk => chunk.Text));
        Assert.Equal([ChunkBreak.Sentence, ChunkBreak.End], chunks.Select(chunk => chunk.Break));
    }

    [Theory]
    [InlineData("")]
    [InlineData(" \t\r\n\u00A0\u3000\u2029")]
    [InlineData("?!")]
    [InlineData("... --- ***")]
    [InlineData("\U0001F600 \U0001F389")]
    public void Input_with_nothing_to_say_gives_no_chunks(string input)
    {
        Assert.Empty(new SentenceSplitter().Split(input));
    }

    [Fact]
    public void A_lone_number_is_kept()
    {
        Assert.Equal("42", Assert.Single(new SentenceSplitter().Split(" 42 ")).Text);
    }

    [Fact]
    public void A_splitter_can_be_shared_between_threads()
    {
        var splitter = new SentenceSplitter();
        string input = string.Concat(Enumerable.Repeat("One sentence here, with a clause. And another one follows it! ", 60));
        IReadOnlyList<TextChunk> expected = splitter.Split(input);

        Parallel.For(0, 64, _ => Assert.Equal(expected, splitter.Split(input)));
    }

    [Fact]
    public void Enumerating_yields_the_first_chunk_without_scanning_the_whole_text()
    {
        var splitter = new SentenceSplitter();
        string huge = string.Concat(Enumerable.Repeat("Hello there, my friend. ", 400_000));
        _ = splitter.Enumerate("Warm up. The code paths.").ToList();

        // The fastest of three: a busy machine can pause any one short measurement, never all three.
        TextChunk first = default;
        TimeSpan firstChunk = TimeSpan.MaxValue;
        var clock = new Stopwatch();
        for (int attempt = 0; attempt < 3; attempt++)
        {
            clock.Restart();
            first = splitter.Enumerate(huge).First();
            firstChunk = clock.Elapsed < firstChunk ? clock.Elapsed : firstChunk;
        }

        clock.Restart();
        int count = splitter.Split(huge).Count;
        TimeSpan everything = clock.Elapsed;

        Assert.Equal("Hello there, my friend.", first.Text);
        Assert.Equal(400_000, count);
        Assert.True(firstChunk * 20 < everything, $"first chunk {firstChunk.TotalMilliseconds} ms, all {everything.TotalMilliseconds} ms");
    }
}
