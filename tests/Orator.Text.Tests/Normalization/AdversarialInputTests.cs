using System.Text;
using Orator.Text.Normalization;

namespace Orator.Text.Tests.Normalization;

/// <summary>Hostile input of every shape: the normalizer never throws, never stalls on any one input, and keeps its promises.</summary>
public sealed class AdversarialInputTests
{
    private static readonly TimeSpan s_perInputLimit = TimeSpan.FromMilliseconds(200);

    private static readonly string[] s_fragments =
    [
        "$", "£", "€", "¥", "₹", "%", "#", "@", "&", "+", "-", "–", "/", ":", ".", ",", "°C", "km/h", "x", "½", "~", "±",
        "(", ")", "[", "]", "{", "}", "|", "*", "**", "_", "`", "~~", "> ", "# ", "- ", "\n", " ", "  ", "http://", "https://",
        "www.", ".com", ".co.uk", "@ex.com", "IV", "VIII", "MMM", "Chapter", "Henry", "World War", "NASA", "FBI", "U.S.",
        "Dr.", "St", "etc.", "e.g.", "a.m.", "pm", "EST", "1", "12", "123", "1,234", "3.14", "2024", "1990s", "'90s",
        "555-123-4567", "+44", "(555)", "1/2", "24/7", "9am-5pm", "v2.0.1", "10K", "$2.5M", "👍🏽", "❤️", "🇬🇧", "\u200D",
    ];

    public static TheoryData<string, string> Shapes() => new()
    {
        { "random-unicode", RandomUnicode(new Random(1), 3000) },
        { "4096-digits", new string('7', 4096) },
        { "4096-digits-with-separators", string.Join(",", Enumerable.Repeat("123", 1365)) + ".5" },
        { "4096-digit-money", "$" + new string('9', 4096) + ".99M" },
        { "4096-digit-phone-like", string.Join("-", Enumerable.Repeat("5555", 1000)) },
        { "nested-brackets", new string('(', 2000) + "5 km" + new string(')', 2000) },
        { "nested-markdown-links", string.Concat(Enumerable.Repeat("[", 1500)) + "x" + string.Concat(Enumerable.Repeat("](http://a.com)", 1500)) },
        { "nested-emphasis", string.Concat(Enumerable.Repeat("**_", 1300)) + "word" + string.Concat(Enumerable.Repeat("_**", 1300)) },
        { "symbol-run", new string('$', 4096) },
        { "mixed-symbol-run", string.Concat(Enumerable.Repeat("$%&#@+=/", 512)) },
        { "dash-run", new string('-', 4096) },
        { "dot-run", "1" + string.Concat(Enumerable.Repeat(".1", 2000)) },
        { "roman-run", new string('M', 4096) },
        { "capitals-run", string.Join(' ', Enumerable.Repeat("ABCDEFGH", 500)) },
        { "hashtag-run", "#" + string.Concat(Enumerable.Repeat("aB1", 1300)) },
        { "long-url", "https://" + string.Join(".", Enumerable.Repeat("a", 1000)) + ".com/" + new string('b', 1000) },
        { "lone-surrogates", new string('\uD800', 2000) + new string('\uDC00', 2000) },
        { "emoji-run", string.Concat(Enumerable.Repeat("👍🏽❤️🇬🇧", 600)) },
        { "fraction-run", string.Join(' ', Enumerable.Repeat("1 1/2", 800)) },
        { "range-run", string.Join("-", Enumerable.Repeat("9am", 1000)) },
        { "newline-run", string.Concat(Enumerable.Repeat("# \n> \n- \n", 1300)) },
        { "whitespace-only", new string(' ', 4096) },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Each_hostile_shape_is_normalized_quickly_in_both_locales(string shape, string input)
    {
        foreach (EnglishNormalizer normalizer in Normalizers())
        {
            string? output = null;
            TimeSpan elapsed = TimeBound.Fastest(() => output = normalizer.Normalize(input), s_perInputLimit);
            Assert.NotNull(output);
            Assert.True(elapsed < s_perInputLimit, $"{shape} took {elapsed.TotalMilliseconds:F1} ms");
        }
    }

    [Fact]
    public void Three_thousand_random_mixtures_each_finish_within_the_limit()
    {
        var random = new Random(6);
        EnglishNormalizer[] normalizers = Normalizers();
        TimeSpan slowest = TimeSpan.Zero;
        string slowestInput = string.Empty;
        for (int i = 0; i < 3000; i++)
        {
            string input = (i % 3) switch
            {
                0 => Mixture(random, random.Next(1, 400)),
                1 => RandomUnicode(random, random.Next(0, 600)),
                _ => Mixture(random, random.Next(1, 30)).Replace(" ", string.Empty, StringComparison.Ordinal),
            };
            EnglishNormalizer normalizer = normalizers[i % 2];
            TimeSpan elapsed = TimeBound.Fastest(() => normalizer.Normalize(input), s_perInputLimit);
            if (elapsed > slowest)
            {
                slowest = elapsed;
                slowestInput = input;
            }
        }

        Assert.True(slowest < s_perInputLimit, $"slowest input took {slowest.TotalMilliseconds:F1} ms: {slowestInput[..Math.Min(200, slowestInput.Length)]}");
    }

    [Fact]
    public void Digits_separated_by_spaces_always_come_out_as_words()
    {
        var random = new Random(42);
        var normalizer = new EnglishNormalizer();
        for (int i = 0; i < 500; i++)
        {
            var builder = new StringBuilder();
            int words = random.Next(1, 20);
            for (int w = 0; w < words; w++)
            {
                int length = random.Next(1, 40);
                for (int d = 0; d < length; d++)
                {
                    builder.Append((char)('0' + random.Next(10)));
                }

                builder.Append(' ');
            }

            string output = normalizer.Normalize(builder.ToString());
            Assert.DoesNotContain(output, char.IsAsciiDigit);
        }
    }

    [Fact]
    public void Plain_lower_case_prose_passes_through_unchanged()
    {
        var random = new Random(7);
        var normalizer = new EnglishNormalizer();
        string[] words = ["the", "quick", "brown", "fox", "jumps", "over", "a", "lazy", "dog", "and", "then", "sleeps", "well"];
        for (int i = 0; i < 300; i++)
        {
            string sentence = string.Join(' ', Enumerable.Range(0, random.Next(1, 40)).Select(_ => words[random.Next(words.Length)])) + ".";
            Assert.Equal(sentence, normalizer.Normalize(sentence));
        }
    }

    private static EnglishNormalizer[] Normalizers() =>
        [new EnglishNormalizer(), new EnglishNormalizer(new EnglishNormalizerOptions { Locale = EnglishLocale.Gb })];

    private static string Mixture(Random random, int pieces)
    {
        var builder = new StringBuilder();
        for (int i = 0; i < pieces; i++)
        {
            builder.Append(s_fragments[random.Next(s_fragments.Length)]);
            if (random.Next(3) == 0)
            {
                builder.Append(' ');
            }
        }

        return builder.ToString();
    }

    private static string RandomUnicode(Random random, int length)
    {
        var builder = new StringBuilder(length);
        for (int i = 0; i < length; i++)
        {
            builder.Append(random.Next(4) == 0 ? char.ConvertFromUtf32(random.Next(0x1F300, 0x1FAFF)) : ((char)random.Next(0, 0xFFFF)).ToString());
        }

        return builder.ToString();
    }
}
