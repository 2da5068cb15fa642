using System.Globalization;

namespace Orator.Text.Tests;

/// <summary>Text that must be cut inside sentences: no punctuation, no spaces, clusters of many code units.</summary>
public sealed class LongTextSplittingTests
{
    private const int MaxInputLength = 4096;
    private static readonly SentenceSplitter s_splitter = new();

    [Fact]
    public void Words_without_punctuation_are_cut_at_word_boundaries_within_the_limits()
    {
        string[] words = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliet"];
        string input = BuildWords(words, MaxInputLength);

        IReadOnlyList<TextChunk> chunks = s_splitter.Split(input);

        Assert.True(chunks.Count >= 14);
        Assert.True(chunks[0].Length <= 120);
        Assert.All(chunks, chunk => Assert.True(chunk.Length <= 300));
        Assert.All(chunks.SkipLast(1), chunk => Assert.Equal(ChunkBreak.Forced, chunk.Break));
        Assert.All(chunks.SkipLast(1), chunk => Assert.Equal(' ', input[chunk.End]));
        Assert.All(chunks.Skip(1), chunk => Assert.Equal(' ', input[chunk.Start - 1]));
        Assert.Equal(input.Split(' '), chunks.SelectMany(chunk => chunk.Text.Split(' ')));
        ChunkInvariants.AssertHold(input, chunks, s_splitter.Options);
    }

    [Fact]
    public void A_cut_without_punctuation_prefers_to_fall_before_a_conjunction()
    {
        string input = "the quick brown fox jumps over the lazy dog near the river bank in the warm afternoon sun "
            + "and the farmer watches from the porch of his old wooden house while his children play in the field";

        IReadOnlyList<TextChunk> chunks = s_splitter.Split(input);

        Assert.EndsWith("afternoon sun", chunks[0].Text);
        Assert.StartsWith("and the farmer", chunks[1].Text);
    }

    [Fact]
    public void A_long_sentence_is_cut_at_its_last_clause_mark_before_the_limit()
    {
        string clause = "this clause is about fifty characters long or so";
        string input = string.Join("; ", Enumerable.Repeat(clause, 12)) + ".";

        IReadOnlyList<TextChunk> chunks = s_splitter.Split(input);

        Assert.All(chunks.SkipLast(1), chunk => Assert.Equal(ChunkBreak.Clause, chunk.Break));
        Assert.All(chunks.SkipLast(1), chunk => Assert.EndsWith("so;", chunk.Text));
        Assert.Equal(2, chunks[0].Text.Split(';', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Equal(6, chunks[1].Text.Split(';', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public void A_clause_cut_leaves_no_tiny_remainder_when_an_earlier_clause_mark_fits()
    {
        string input = "alpha bravo charlie delta echo foxtrot golf, hotel india juliet kilo lima mike november oscar, "
            + "papa quebec romeo sierra tango uniform victor whiskey, xray yankee zulu, done";

        IReadOnlyList<TextChunk> chunks = new SentenceSplitter(new SplitterOptions { FirstChunkMaxCharacters = 150 }).Split(input);

        Assert.Equal(2, chunks.Count);
        Assert.EndsWith("whiskey,", chunks[0].Text);
        Assert.Equal("xray yankee zulu, done", chunks[1].Text);
    }

    [Fact]
    public void Lower_case_sentences_are_cut_after_a_period_rather_than_between_words()
    {
        var splitter = new SentenceSplitter(new SplitterOptions { MaxChunkCharacters = 60, FirstChunkMaxCharacters = 60 });

        IReadOnlyList<TextChunk> chunks = splitter.Split(
            "ok see you at the station tomorrow morning. bring the tickets and the sandwiches please");

        Assert.Equal("ok see you at the station tomorrow morning.", chunks[0].Text);
        Assert.Equal(ChunkBreak.Clause, chunks[0].Break);
    }

    [Fact]
    public void A_cut_is_not_made_after_an_abbreviation_followed_by_lower_case()
    {
        var splitter = new SentenceSplitter(new SplitterOptions { MaxChunkCharacters = 40, FirstChunkMaxCharacters = 40, MinChunkCharacters = 0 });

        IReadOnlyList<TextChunk> chunks = splitter.Split("we compared apples vs. oranges and pears today");

        Assert.DoesNotContain(chunks, chunk => chunk.Text.EndsWith("vs.", StringComparison.Ordinal));
    }

    [Fact]
    public void Text_without_any_white_space_is_cut_between_grapheme_clusters()
    {
        string input = new('a', MaxInputLength);

        IReadOnlyList<TextChunk> chunks = s_splitter.Split(input);

        Assert.Equal(120, chunks[0].Length);
        Assert.All(chunks.Skip(1).SkipLast(1), chunk => Assert.Equal(300, chunk.Length));
        Assert.True(chunks[^1].Length >= 20, "the last piece is not left tiny");
        Assert.All(chunks.SkipLast(1), chunk => Assert.Equal(ChunkBreak.Forced, chunk.Break));
        Assert.Equal(input, string.Concat(chunks.Select(chunk => chunk.Text)));
    }

    [Fact]
    public void Chinese_without_punctuation_is_cut_within_the_limits()
    {
        string input = string.Concat(Enumerable.Repeat("我们今天去公园玩然后回家吃饭", 300))[..MaxInputLength];

        IReadOnlyList<TextChunk> chunks = s_splitter.Split(input);

        Assert.Equal(input, string.Concat(chunks.Select(chunk => chunk.Text)));
        ChunkInvariants.AssertHold(input, chunks, s_splitter.Options);
    }

    [Fact]
    public void Chinese_with_commas_only_is_cut_after_a_comma()
    {
        string input = string.Concat(Enumerable.Repeat("我们今天去公园玩，", 60));

        IReadOnlyList<TextChunk> chunks = s_splitter.Split(input);

        Assert.All(chunks.SkipLast(1), chunk => Assert.EndsWith("，", chunk.Text));
        Assert.All(chunks.SkipLast(1), chunk => Assert.Equal(ChunkBreak.Clause, chunk.Break));
        ChunkInvariants.AssertHold(input, chunks, s_splitter.Options);
    }

    [Theory]
    [InlineData("e\u0301")]
    [InlineData("\U0001F468\u200D\U0001F469\u200D\U0001F467\u200D\U0001F466")]
    [InlineData("\U0001F1EF\U0001F1F5")]
    [InlineData("\U0001F44D\U0001F3FD")]
    [InlineData("\u2764\uFE0F")]
    [InlineData("\U0001D11E")]
    [InlineData("\u0915\u094D\u0937")]
    [InlineData("\uD55C\uAD6D")]
    public void Runs_of_multi_unit_clusters_are_never_cut_inside_a_cluster(string cluster)
    {
        // Emoji alone have nothing to say and would be dropped: keep them to see where they are cut.
        var splitter = new SentenceSplitter(new SplitterOptions { DropChunksWithoutLettersOrDigits = false });
        string input = string.Concat(Enumerable.Repeat(cluster, MaxInputLength / cluster.Length));

        IReadOnlyList<TextChunk> chunks = splitter.Split(input);

        Assert.True(chunks.Count > 1);
        Assert.All(chunks, chunk => Assert.Equal(0, chunk.Start % cluster.Length));
        Assert.All(chunks, chunk => Assert.Equal(0, chunk.Length % cluster.Length));
        ChunkInvariants.AssertHold(input, chunks, splitter.Options);
    }

    [Fact]
    public void A_single_cluster_longer_than_the_limit_stays_whole()
    {
        string input = "a" + new string('\u0301', 500) + " b";

        IReadOnlyList<TextChunk> chunks = s_splitter.Split(input);

        Assert.Equal(["a" + new string('\u0301', 500), "b"], chunks.Select(chunk => chunk.Text));
        Assert.Equal(1, new StringInfo(chunks[0].Text).LengthInTextElements);
    }

    [Fact]
    public void A_forced_cut_does_not_start_a_chunk_with_french_spaced_punctuation()
    {
        var splitter = new SentenceSplitter(new SplitterOptions { MaxChunkCharacters = 20, FirstChunkMaxCharacters = 20, MinChunkCharacters = 0 });

        IReadOnlyList<TextChunk> chunks = splitter.Split("Est-ce que tu viens demain ?");

        Assert.All(chunks, chunk => Assert.NotEqual('?', chunk.Text[0]));
        Assert.EndsWith("demain ?", chunks[^1].Text);
    }

    [Fact]
    public void A_no_break_space_is_not_used_for_a_forced_cut_when_an_ordinary_space_fits()
    {
        var splitter = new SentenceSplitter(new SplitterOptions { MaxChunkCharacters = 24, FirstChunkMaxCharacters = 24, MinChunkCharacters = 0 });

        IReadOnlyList<TextChunk> chunks = splitter.Split("distance of 10\u00A0km to go home");

        Assert.Equal(["distance of 10\u00A0km to go", "home"], chunks.Select(chunk => chunk.Text));
    }

    private static string BuildWords(string[] words, int length)
    {
        var builder = new System.Text.StringBuilder();
        for (int i = 0; builder.Length < length; i++)
        {
            builder.Append(words[i * 7 % words.Length]).Append(' ');
        }

        return builder.ToString(0, length).TrimEnd();
    }
}
