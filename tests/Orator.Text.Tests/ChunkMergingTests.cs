namespace Orator.Text.Tests;

/// <summary>The default options: a short first chunk for fast first audio, tiny sentences merged for prosody.</summary>
public sealed class ChunkMergingTests
{
    private static readonly SentenceSplitter s_splitter = new();

    private static string[] Texts(string input) => [.. s_splitter.Split(input).Select(chunk => chunk.Text)];

    [Fact]
    public void A_tiny_sentence_merges_with_the_next_one()
    {
        Assert.Equal(
            ["Hi. How are you doing today, my friend?", "I have been waiting for you since this morning, you know."],
            Texts("Hi. How are you doing today, my friend? I have been waiting for you since this morning, you know."));
    }

    [Fact]
    public void Several_tiny_sentences_merge_until_the_minimum_is_reached()
    {
        Assert.Equal(
            ["Yes. No. Maybe. Well, I suppose so.", "That settles the matter for the whole committee, then."],
            Texts("Yes. No. Maybe. Well, I suppose so. That settles the matter for the whole committee, then."));
    }

    [Fact]
    public void A_tiny_last_sentence_merges_with_the_one_before()
    {
        Assert.Equal(
            ["This is the first sentence, long enough.", "And here is a second one that is long enough too. Bye."],
            Texts("This is the first sentence, long enough. And here is a second one that is long enough too. Bye."));
    }

    [Fact]
    public void A_short_text_becomes_a_single_chunk_that_ends_the_input()
    {
        TextChunk chunk = Assert.Single(s_splitter.Split("Hi. Thanks. Bye."));

        Assert.Equal("Hi. Thanks. Bye.", chunk.Text);
        Assert.Equal(ChunkBreak.End, chunk.Break);
    }

    [Fact]
    public void Tiny_sentences_do_not_merge_across_a_paragraph_or_a_line_break()
    {
        Assert.Equal(["Hi.", "There.", "- one", "- two"], Texts("Hi.\n\nThere.\n\n- one\n- two"));
    }

    [Fact]
    public void A_tiny_first_sentence_stays_alone_when_merging_would_pass_the_first_chunk_limit()
    {
        string second = "This sentence is deliberately long, so long that together with the greeting before it the first chunk would pass its limit.";

        Assert.Equal(["Hello.", second], Texts("Hello. " + second));
    }

    [Fact]
    public void A_long_first_sentence_is_cut_at_a_clause_within_the_first_chunk_limit()
    {
        string input = "When the committee finally met on Tuesday afternoon in the small room above the library, "
            + "after weeks of postponements and increasingly tense letters between the members, "
            + "nobody expected the chairman to resign before the first item on the agenda had even been read aloud.";

        IReadOnlyList<TextChunk> chunks = s_splitter.Split(input);

        Assert.Equal("When the committee finally met on Tuesday afternoon in the small room above the library,", chunks[0].Text);
        Assert.Equal(ChunkBreak.Clause, chunks[0].Break);
        Assert.True(chunks[0].Length <= 120);
        Assert.All(chunks, chunk => Assert.True(chunk.Length <= 300));
    }

    [Fact]
    public void A_long_first_sentence_without_punctuation_is_cut_at_a_word_within_the_first_chunk_limit()
    {
        string input = string.Join(' ', Enumerable.Repeat("many small words without any punctuation", 10)) + ".";

        IReadOnlyList<TextChunk> chunks = s_splitter.Split(input);

        Assert.True(chunks[0].Length <= 120);
        Assert.Equal(ChunkBreak.Forced, chunks[0].Break);
        Assert.Equal(' ', input[chunks[0].End]);
        Assert.True(chunks[1].Length > 120, "later chunks may use the full limit");
    }

    [Fact]
    public void Later_sentences_may_be_longer_than_the_first_chunk_limit()
    {
        string first = "A short opening sentence.";
        string second = "The second sentence is a good deal longer than the first one, and it runs on for well over "
            + "one hundred and twenty characters without needing to be cut.";

        Assert.Equal([first, second], Texts(first + " " + second));
    }

    [Fact]
    public void A_minimum_of_zero_turns_merging_off()
    {
        var splitter = new SentenceSplitter(new SplitterOptions { MinChunkCharacters = 0 });

        Assert.Equal(["Hi.", "Thanks.", "Bye."], splitter.Split("Hi. Thanks. Bye.").Select(chunk => chunk.Text));
    }

    [Fact]
    public void A_dropped_chunk_hands_its_paragraph_break_to_the_chunk_before()
    {
        IReadOnlyList<TextChunk> chunks = s_splitter.Split("The first part is finished now.\n\n* * *\n\nThe second part starts here.");

        Assert.Equal(["The first part is finished now.", "The second part starts here."], chunks.Select(chunk => chunk.Text));
        Assert.Equal(ChunkBreak.Paragraph, chunks[0].Break);
    }

    [Fact]
    public void Chunks_without_letters_or_digits_are_kept_when_dropping_is_off()
    {
        var splitter = new SentenceSplitter(new SplitterOptions { MinChunkCharacters = 0, DropChunksWithoutLettersOrDigits = false });

        Assert.Equal(["Hello.", "***", "World."], splitter.Split("Hello.\n\n***\n\nWorld.").Select(chunk => chunk.Text));
    }

    [Fact]
    public void A_merged_chunk_keeps_the_break_of_its_last_sentence()
    {
        IReadOnlyList<TextChunk> chunks = s_splitter.Split("Hi. Nice to see you again, really.\n\nThe next paragraph is here.");

        Assert.Equal("Hi. Nice to see you again, really.", chunks[0].Text);
        Assert.Equal(ChunkBreak.Paragraph, chunks[0].Break);
    }
}
