using Orator.Text.Normalization;
using Orator.Text.Pronunciation;

namespace Orator.Text.Tests.Pronunciation;

/// <summary>Inline overrides and the server lexicon, with and without normalization.</summary>
public sealed class SpeechTextPreparerTests
{
    private static readonly EnglishNormalizer s_english = new();

    [Theory]
    [InlineData("I say {tomato|tuh-MAH-toe}.", "I say tuh-MAH-toe.")]
    [InlineData("{Nginx|engine x} serves 5 sites.", "engine x serves five sites.")]
    [InlineData("Read {SQL|sequel} and {GIF|jif} docs.", "Read sequel and jif docs.")]
    [InlineData("Keep {no bar} braces.", "Keep {no bar} braces.")]
    [InlineData("Empty {|x} and {x|} stay.", "Empty {|x} and {x|} stay.")]
    [InlineData("Nested {a|{b|c}} keeps the outer braces.", "Nested {a|c} keeps the outer braces.")]
    [InlineData("JSON {\"a\": 1} passes.", "Json {\"a\": one} passes.")]
    public void Inline_overrides_replace_the_written_word_and_escape_normalization(string input, string expected)
    {
        var preparer = new SpeechTextPreparer();
        Assert.Equal(expected, preparer.Prepare(input, s_english));
    }

    [Fact]
    public void An_override_is_kept_verbatim_even_when_it_looks_like_an_acronym_or_number()
    {
        var preparer = new SpeechTextPreparer();
        Assert.Equal("Say MAH 42 now.", preparer.Prepare("Say {it|MAH 42} now.", s_english));
    }

    [Fact]
    public void Without_a_normalizer_overrides_still_apply_and_nothing_else_changes()
    {
        var preparer = new SpeechTextPreparer();
        Assert.Equal("Le 5 mai, tuh-MAH-toe.", preparer.Prepare("Le 5 mai, {tomate|tuh-MAH-toe}.", normalizer: null));
    }

    [Fact]
    public void Lexicon_entries_match_case_insensitively_at_word_boundaries_only()
    {
        var lexicon = PronunciationLexicon.Parse("# tech words\nnginx = engine x\n\nkubectl = cube control\n", "test");
        var preparer = new SpeechTextPreparer(lexicon);
        Assert.Equal(2, preparer.LexiconEntries);
        Assert.Equal("Run engine x and cube control; nginxes stay.", preparer.Prepare("Run NGINX and Kubectl; nginxes stay.", s_english));
    }

    [Fact]
    public void The_longest_lexicon_entry_wins_and_may_span_words()
    {
        var lexicon = PronunciationLexicon.Parse("new = noo\nNew York = noo york city\n", "test");
        var preparer = new SpeechTextPreparer(lexicon);
        Assert.Equal("I love noo york city and noo things.", preparer.Prepare("I love New York and new things.", s_english));
    }

    [Fact]
    public void Lexicon_replacements_are_not_normalized_again()
    {
        var lexicon = PronunciationLexicon.Parse("ACME = ACK me 2\n", "test");
        var preparer = new SpeechTextPreparer(lexicon);
        Assert.Equal("ACK me 2 sold three.", preparer.Prepare("ACME sold 3.", s_english));
    }

    [Theory]
    [InlineData("just a word")]
    [InlineData("= missing word")]
    [InlineData("word =")]
    public void A_malformed_lexicon_line_is_rejected_with_its_line_number(string badLine)
    {
        var error = Assert.Throws<InvalidDataException>(() => PronunciationLexicon.Parse("ok = fine\n" + badLine, "lexicon.txt"));
        Assert.Contains("lexicon.txt, line 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_lexicon_file_is_loaded_from_disk()
    {
        string path = Path.Combine(Path.GetTempPath(), $"orator-lexicon-{Guid.NewGuid():N}.txt");
        File.WriteAllText(path, "Orator = OR-uh-ter\r\n");
        try
        {
            var preparer = new SpeechTextPreparer(PronunciationLexicon.Load(path));
            Assert.Equal("OR-uh-ter speaks.", preparer.Prepare("orator speaks.", s_english));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
