using Orator.Text.Normalization;
using Orator.Text.Tests.Normalization;

namespace Orator.Text.Tests.Mapping;

/// <summary>The normalizer's map from the words it writes back to what the user wrote.</summary>
public sealed class NormalizeMappedTests
{
    private static readonly EnglishNormalizer s_us = new();
    private static readonly EnglishNormalizer s_gb = new(new EnglishNormalizerOptions { Locale = EnglishLocale.Gb });

    [Theory]
    [InlineData("It costs $3.50 today.", new[] { "It", "costs", "$3.50", "$3.50", "$3.50", "$3.50", "$3.50", "today." })]
    [InlineData("Dr. Smith arrived.", new[] { "Dr.", "Smith", "arrived." })]
    [InlineData("The quick brown fox.", new[] { "The", "quick", "brown", "fox." })]
    [InlineData("She scored 42 points.", new[] { "She", "scored", "42", "points." })]
    [InlineData("Meet at 3:15 pm on 4/7/2025 sharp.", new[] { "Meet", "at", "3:15 pm", "3:15 pm", "3:15 pm", "3:15 pm", "on", "4/7/2025", "4/7/2025", "4/7/2025", "4/7/2025", "sharp." })]
    public void Each_spoken_word_maps_to_the_written_form_it_came_from(string input, string[] expected)
    {
        var prepared = s_us.NormalizeMapped(input);

        Assert.Equal(s_us.Normalize(input), prepared.Text);
        Assert.Equal(string.Join(" | ", expected), string.Join(" | ", SpokenWords.Sources(prepared, input)));
    }

    [Fact]
    public void Removed_markup_maps_to_nothing_so_a_word_maps_to_the_word_alone()
    {
        const string Input = "A **bold** move.";
        var prepared = s_us.NormalizeMapped(Input);

        Assert.Equal(s_us.Normalize(Input), prepared.Text);
        var bold = SpokenWords.Of(prepared).Single(word => word.Word == "bold");
        Assert.Equal("bold", Input.Substring(bold.Source.Start, bold.Source.Length));
    }

    [Fact]
    public void Money_is_one_source_span_for_every_word_it_becomes()
    {
        const string Input = "Only $3.50, or £12 in GB.";
        var prepared = s_gb.NormalizeMapped(Input);
        var words = SpokenWords.Of(prepared);

        Assert.Equal(s_gb.Normalize(Input), prepared.Text);
        Assert.Contains(words, word => word.Word == "dollars" && Input.Substring(word.Source.Start, word.Source.Length) == "$3.50");
        Assert.Contains(words, word => word.Word == "pounds" && Input.Substring(word.Source.Start, word.Source.Length).StartsWith("£12", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(EnglishNormalizerTableTests.UsCases), MemberType = typeof(EnglishNormalizerTableTests))]
    public void Every_table_case_gives_the_same_text_as_normalize_and_a_consistent_map(string input, string expected)
    {
        var prepared = s_us.NormalizeMapped(input);

        Assert.Equal(expected, prepared.Text);
        SpokenWords.AreConsistent(input, prepared);
    }

    [Theory]
    [MemberData(nameof(SpokenCaseTableTests.Cases), MemberType = typeof(SpokenCaseTableTests))]
    public void Every_spoken_case_gives_the_same_text_as_normalize_and_a_consistent_map(string locale, string input, string expected)
    {
        var normalizer = locale == "gb" ? s_gb : s_us;
        var prepared = normalizer.NormalizeMapped(input);

        Assert.NotNull(expected);
        Assert.Equal(normalizer.Normalize(input), prepared.Text);
        SpokenWords.AreConsistent(input, prepared);
    }

    [Fact]
    public void Random_text_maps_consistently_and_every_range_stays_in_the_source()
    {
        for (int seed = 0; seed < 400; seed++)
        {
            var random = new RandomText(seed);
            string input = random.Build(random.Next(1, 300));
            var prepared = s_us.NormalizeMapped(input);

            Assert.Equal(s_us.Normalize(input), prepared.Text);
            SpokenWords.AreConsistent(input, prepared);
            for (int probe = 0; probe < 20; probe++)
            {
                int start = random.Next(-2, prepared.Text.Length + 3);
                var span = prepared.Map.ToSource(start, random.Next(-2, 40));
                Assert.InRange(span.Start, 0, input.Length);
                Assert.InRange(span.End, span.Start, input.Length);
            }
        }
    }
}
