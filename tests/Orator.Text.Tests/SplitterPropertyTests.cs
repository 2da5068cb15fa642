namespace Orator.Text.Tests;

/// <summary>Random inputs and options (fixed seeds): the invariants hold for every one of them.</summary>
public sealed class SplitterPropertyTests
{
    private const int CasesPerSeed = 1000;

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Random_text_with_default_options_keeps_every_invariant(int seed)
    {
        var random = new RandomText(seed);
        var splitter = new SentenceSplitter();
        for (int i = 0; i < CasesPerSeed; i++)
        {
            string input = random.Build(random.Next(0, i % 10 == 0 ? 4096 : 600));

            IReadOnlyList<TextChunk> chunks = splitter.Split(input);

            ChunkInvariants.AssertHold(input, chunks, splitter.Options);
        }
    }

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    [InlineData(13)]
    public void Random_text_with_random_options_keeps_every_invariant(int seed)
    {
        var random = new RandomText(seed);
        for (int i = 0; i < CasesPerSeed; i++)
        {
            var splitter = new SentenceSplitter(random.BuildOptions());
            string input = random.Build(random.Next(0, i % 10 == 0 ? 4096 : 600));

            IReadOnlyList<TextChunk> chunks = splitter.Split(input);

            ChunkInvariants.AssertHold(input, chunks, splitter.Options);
        }
    }

    [Fact]
    public void Without_dropping_the_chunks_hold_every_non_white_space_character_in_order()
    {
        var random = new RandomText(21);
        var splitter = new SentenceSplitter(new SplitterOptions { DropChunksWithoutLettersOrDigits = false });
        for (int i = 0; i < CasesPerSeed; i++)
        {
            string input = random.Build(random.Next(0, 1200));

            IReadOnlyList<TextChunk> chunks = splitter.Split(input);

            ChunkInvariants.AssertNothingLost(input, chunks);
        }
    }

    [Fact]
    public void Enumerating_lazily_gives_the_same_chunks_as_splitting()
    {
        var random = new RandomText(31);
        var splitter = new SentenceSplitter();
        for (int i = 0; i < 300; i++)
        {
            string input = random.Build(random.Next(0, 2000));

            Assert.Equal(splitter.Split(input), splitter.Enumerate(input).ToList());
        }
    }
}
