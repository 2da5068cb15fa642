using Orator.Text.Normalization;

namespace Orator.Text.Tests.Normalization;

/// <summary>The case table in Data/spoken-cases.tsv: real-world sentences and the words a careful reader says for them.</summary>
public sealed class SpokenCaseTableTests
{
    private static readonly EnglishNormalizer s_us = new();
    private static readonly EnglishNormalizer s_gb = new(new EnglishNormalizerOptions { Locale = EnglishLocale.Gb });

    public static TheoryData<string, string, string> Cases()
    {
        var data = new TheoryData<string, string, string>();
        string path = Path.Combine(AppContext.BaseDirectory, "Normalization", "Data", "spoken-cases.tsv");
        foreach (string line in File.ReadLines(path))
        {
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            string[] fields = line.Split('\t');
            if (fields.Length != 3)
            {
                throw new InvalidDataException($"A case needs locale, input and expected text separated by tabs: '{line}'");
            }

            data.Add(fields[0], fields[1], fields[2]);
        }

        return data;
    }

    [Fact]
    public void The_table_holds_enough_cases_to_cover_every_category()
    {
        Assert.True(Cases().Count >= 200, $"only {Cases().Count} cases");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_written_form_is_read_the_way_a_careful_reader_says_it(string locale, string input, string expected)
    {
        EnglishNormalizer normalizer = locale == "gb" ? s_gb : s_us;
        Assert.Equal(expected, normalizer.Normalize(input));
    }
}
