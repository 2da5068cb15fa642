using Orator.Text.Normalization;
using Orator.Text.Pronunciation;

namespace Orator.Text.Tests.Mapping;

/// <summary>The preparer's map through overrides, the lexicon and the normalizer together.</summary>
public sealed class PrepareMappedTests
{
    private static readonly EnglishNormalizer s_english = new();

    [Theory]
    [InlineData("I say {tomato|tuh-MAH-toe}.")]
    [InlineData("{Nginx|engine x} serves 5 sites.")]
    [InlineData("Keep {no bar} braces.")]
    [InlineData("Nested {a|{b|c}} keeps the outer braces.")]
    [InlineData("JSON {\"a\": 1} passes.")]
    [InlineData("Run NGINX and Kubectl; nginxes stay at $3.50.")]
    [InlineData("")]
    public void The_text_is_exactly_what_prepare_returns(string input)
    {
        var preparer = new SpeechTextPreparer(Lexicon());

        Assert.Equal(preparer.Prepare(input, s_english), preparer.PrepareMapped(input, s_english).Text);
        Assert.Equal(preparer.Prepare(input, normalizer: null), preparer.PrepareMapped(input, normalizer: null).Text);
    }

    [Fact]
    public void The_spoken_part_of_an_override_maps_to_its_written_part()
    {
        const string Input = "{ Nginx |engine x} serves 5 sites.";
        var prepared = new SpeechTextPreparer().PrepareMapped(Input, s_english);

        Assert.Equal(["Nginx", "Nginx", "serves", "5", "sites."], SpokenWords.Sources(prepared, Input));
        SpokenWords.AreConsistent(Input, prepared);
    }

    [Fact]
    public void A_lexicon_replacement_maps_to_the_words_it_replaced()
    {
        const string Input = "Run NGINX and Kubectl now.";
        var prepared = new SpeechTextPreparer(Lexicon()).PrepareMapped(Input, s_english);

        Assert.Equal("Run engine x and cube control now.", prepared.Text);
        Assert.Equal(["Run", "NGINX", "NGINX", "and", "Kubectl", "Kubectl", "now."], SpokenWords.Sources(prepared, Input));
    }

    [Fact]
    public void Without_a_normalizer_everything_but_overrides_maps_character_for_character()
    {
        const string Input = "Le 5 mai, {tomate|tuh-MAH-toe}.";
        var prepared = new SpeechTextPreparer().PrepareMapped(Input, normalizer: null);

        Assert.Equal("Le 5 mai, tuh-MAH-toe.", prepared.Text);
        Assert.Equal(new TextSpan(3, 1), prepared.Map.ToSource(3, 1));
        // A word with punctuation copied beside an override spans both: "tuh-MAH-toe." holds the final stop.
        Assert.Equal(["Le", "5", "mai,", "tomate|tuh-MAH-toe}."], SpokenWords.Sources(prepared, Input));
    }

    [Fact]
    public void Random_text_with_overrides_maps_consistently()
    {
        var preparer = new SpeechTextPreparer(Lexicon());
        for (int seed = 0; seed < 200; seed++)
        {
            var random = new RandomText(seed);
            string input = random.Build(random.Next(1, 120)) + " {SQL|sequel} " + random.Build(random.Next(1, 120));
            var prepared = preparer.PrepareMapped(input, s_english);

            Assert.Equal(preparer.Prepare(input, s_english), prepared.Text);
            SpokenWords.AreConsistent(input, prepared);
        }
    }

    private static PronunciationLexicon Lexicon()
        => PronunciationLexicon.Parse("nginx = engine x\nkubectl = cube control\n", "test");
}
