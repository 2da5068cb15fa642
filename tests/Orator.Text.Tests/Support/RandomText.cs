using System.Text;

namespace Orator.Text.Tests;

/// <summary>Random text built from the pieces that trip splitters up; deterministic for a given seed.</summary>
internal sealed class RandomText
{
    private static readonly string[] s_words =
    [
        "the", "Hello", "world", "Mr.", "Dr.", "e.g.", "U.S.", "p.m.", "etc.", "J.", "No.", "3.14", "1,000.25", "$3.50",
        "v1.2.3", "192.168.0.1", "https://example.com/a.b?c=d.e", "a.b@c.d", "report.pdf", "and", "but", "Привет",
        "мир", "Καλά", "κάνεις", "مرحبا", "שלום", "नमस्ते", "क्षत्रिय", "你好世界", "今日は", "안녕하세요", "สวัสดีครับ", "ሰላም",
        "Ünïcödé", "naïve", "e\u0301te\u0301", "x\u20DD", "1.", "IV.", "#", "-", "•", "¿Qué", "¡Hola", "Tolkien",
    ];

    private static readonly string[] s_punctuation =
    [
        ".", "!", "?", "...", "…", "?!", "!!!", ",", ";", ":", " —", "–", "\"", "'", "“", "”", "«", "»", " «", "» ", "(", ")",
        "[", "]", "。", "！", "？", "，", "、", "」", "「", "،", "؟", "।", "॥", "۔", "።", ";", "\u037E", "\u0589", "．", "*",
    ];

    private static readonly string[] s_spaces = [" ", " ", " ", "  ", "\n", "\n\n", "\r\n", "\r\n\r\n", "\t", "\u00A0", "\u202F", "\u2029", "\u2028", "\u3000", " \n "];

    private static readonly string[] s_oddities =
    [
        "\U0001F600", "\U0001F389", "\U0001F468\u200D\U0001F469\u200D\U0001F467\u200D\U0001F466", "\U0001F1EF\U0001F1F5",
        "\U0001F44D\U0001F3FD", "\u2764\uFE0F", "\U0001F3F4\U000E0067\U000E0062\U000E0065\U000E006E\U000E0067\U000E007F",
        "\u0301", "\u0300\u0323", "\u094D", "\u200D", "\u200C", "\uFE0F", "\uD83D", "\uDE00", "\uDE00\uD83D",
        "\u00A9", "\uFEFF", "\u200B", "\u0000", "\uFFFD", "\U00010348", "1\uFE0F\u20E3",
    ];

    private readonly Random _random;

    public RandomText(int seed)
    {
        _random = new Random(seed);
    }

    public int Next(int minInclusive, int maxExclusive) => _random.Next(minInclusive, maxExclusive);

    /// <summary>A text of roughly <paramref name="length"/> UTF-16 code units.</summary>
    public string Build(int length)
    {
        var builder = new StringBuilder(length + 64);
        while (builder.Length < length)
        {
            int roll = _random.Next(100);
            if (roll < 45)
            {
                builder.Append(Pick(s_words));
            }
            else if (roll < 65)
            {
                builder.Append(Pick(s_punctuation));
            }
            else if (roll < 88)
            {
                builder.Append(Pick(s_spaces));
            }
            else if (roll < 97)
            {
                builder.Append(Pick(s_oddities));
            }
            else
            {
                // A long run without white space: letters, ideographs or one base with many marks.
                int run = _random.Next(1, 600);
                string unit = _random.Next(4) switch
                {
                    0 => "a",
                    1 => "字",
                    2 => "\u0301",
                    _ => "\U0001F600",
                };
                for (int i = 0; i < run; i++)
                {
                    builder.Append(unit);
                }
            }
        }

        return builder.ToString();
    }

    /// <summary>Random but valid options, from tiny limits to the defaults' range.</summary>
    public SplitterOptions BuildOptions()
    {
        int max = _random.Next(4) == 0 ? _random.Next(1, 40) : _random.Next(40, 500);
        return new SplitterOptions
        {
            MaxChunkCharacters = max,
            FirstChunkMaxCharacters = _random.Next(1, max + 1),
            MinChunkCharacters = _random.Next(0, Math.Min(max, 60) + 1),
            DropChunksWithoutLettersOrDigits = _random.Next(2) == 0,
        };
    }

    private string Pick(string[] items) => items[_random.Next(items.Length)];
}
