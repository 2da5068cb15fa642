using Orator.Engines.Words;

namespace Orator.Engines.Tests.Words;

public sealed class WordTokensTests
{
    [Theory]
    [InlineData("Ten dollars.", new[] { "Ten", "dollars" })]
    [InlineData("  \"Quoted,\" (parens) -- end!  ", new[] { "Quoted", "parens", "end" })]
    [InlineData("don't well-known 42 $5 ... ?!", new[] { "don't", "well-known", "42", "5" })]
    [InlineData("Grüße\u00A0schön\tcafé\n", new[] { "Grüße", "schön", "café" })]
    [InlineData("— … !", new string[0])]
    public void Words_are_whitespace_tokens_with_their_outer_punctuation_stripped(string text, string[] expected)
    {
        var words = WordTokens.Split(text);

        Assert.Equal(expected, words.Select(w => text.Substring(w.Offset, w.Length)));
    }

    [Fact]
    public void A_range_inside_a_tokens_punctuation_still_finds_that_word()
    {
        const string Text = "Say \"hello,\" then go.";
        var words = WordTokens.Split(Text);

        Assert.Equal(1, WordTokens.Find(words, Text.IndexOf('"'), Text.IndexOf('"') + 1));
        Assert.Equal(-1, WordTokens.Find(words, 3, 4)); // the space between words
        Assert.Equal(3, WordTokens.Find(words, Text.Length - 3, Text.Length));
    }
}
