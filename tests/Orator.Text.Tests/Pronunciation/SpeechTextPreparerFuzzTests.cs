using System.Text;
using Orator.Text.Normalization;
using Orator.Text.Pronunciation;

namespace Orator.Text.Tests.Pronunciation;

/// <summary>Override markup and lexicon matching never throw or stall, however the braces and bars fall.</summary>
public sealed class SpeechTextPreparerFuzzTests
{
    private const string Soup = "{}|{|}ab AB 12$%.\n-";

    [Fact]
    public void Two_thousand_brace_and_bar_soups_are_prepared_quickly()
    {
        var lexicon = PronunciationLexicon.Parse(string.Join('\n', Enumerable.Range(0, 2000).Select(i => $"a{i} = word {i}")) + "\nab = ay bee\n", "fuzz");
        var preparer = new SpeechTextPreparer(lexicon);
        var normalizer = new EnglishNormalizer();
        var random = new Random(66);
        TimeSpan slowest = TimeSpan.Zero;
        for (int i = 0; i < 2000; i++)
        {
            var builder = new StringBuilder();
            int length = i % 10 == 0 ? 4096 : random.Next(0, 400);
            for (int c = 0; c < length; c++)
            {
                builder.Append(Soup[random.Next(Soup.Length)]);
            }

            string input = builder.ToString();
            EnglishNormalizer? maybeNormalizer = i % 2 == 0 ? normalizer : null;
            string? output = null;
            TimeSpan elapsed = TimeBound.Fastest(() => output = preparer.Prepare(input, maybeNormalizer), TimeSpan.FromMilliseconds(200));
            Assert.NotNull(output);
            slowest = elapsed > slowest ? elapsed : slowest;
        }

        Assert.True(slowest < TimeSpan.FromMilliseconds(200), $"slowest input took {slowest.TotalMilliseconds:F1} ms");
    }

    [Fact]
    public void A_valid_override_always_comes_out_verbatim_whatever_surrounds_it()
    {
        var preparer = new SpeechTextPreparer();
        var random = new Random(7);
        for (int i = 0; i < 300; i++)
        {
            string noise = new(Enumerable.Range(0, random.Next(0, 30)).Select(_ => "ab 12$."[random.Next(7)]).ToArray());
            string output = preparer.Prepare(noise + " {x|KEEP-me 42} " + noise, new EnglishNormalizer());
            Assert.Contains(" KEEP-me 42 ", output, StringComparison.Ordinal);
        }
    }
}
