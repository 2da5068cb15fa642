using System.Diagnostics;
using System.Text;
using Orator.Text.Normalization;

namespace Orator.Text.Tests.Normalization;

/// <summary>Random and hostile input never makes the normalizer throw or stall.</summary>
public sealed class EnglishNormalizerFuzzTests
{
    private const string Soup = "0123456789$£€¥₹%&+=°@.,;:!?-−/'\"()[] \n\tapmkgstndrhMBKGUSDvs.e.g.";

    [Fact]
    public void Two_thousand_random_strings_never_throw_and_finish_quickly()
    {
        var random = new Random(20240105);
        var normalizers = new[] { new EnglishNormalizer(), new EnglishNormalizer(new EnglishNormalizerOptions { Locale = EnglishLocale.Gb }) };
        var stopwatch = Stopwatch.StartNew();
        int produced = 0;
        for (int i = 0; i < 2000; i++)
        {
            string input = (i % 4) switch
            {
                0 => RandomUnicode(random, random.Next(0, 300)),
                1 => new string('9', random.Next(1, 5000)) + (random.Next(2) == 0 ? ".5%" : "th"),
                2 => FromSoup(random, random.Next(0, 500)),
                _ => "$" + string.Join(",", Enumerable.Repeat("123", random.Next(1, 400))) + "." + new string('7', random.Next(1, 50)) + "M",
            };
            string output = normalizers[i % 2].Normalize(input);
            produced += output.Length;
        }

        stopwatch.Stop();
        Assert.True(produced > 0);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(5), $"took {stopwatch.Elapsed}");
    }

    private static string RandomUnicode(Random random, int length)
    {
        var builder = new StringBuilder(length);
        for (int i = 0; i < length; i++)
        {
            builder.Append((char)random.Next(0, 0xFFFF));
        }

        return builder.ToString();
    }

    private static string FromSoup(Random random, int length)
    {
        var builder = new StringBuilder(length);
        for (int i = 0; i < length; i++)
        {
            builder.Append(Soup[random.Next(Soup.Length)]);
        }

        return builder.ToString();
    }
}
