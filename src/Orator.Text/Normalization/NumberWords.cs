namespace Orator.Text.Normalization;

/// <summary>Spells integers as English words: cardinals, ordinals and digit-by-digit readings.</summary>
internal static class NumberWords
{
    /// <summary>Longer integer parts are read digit by digit (and always fit in a <see cref="long"/> below this).</summary>
    public const int MaxCardinalDigits = 15;

    private static readonly string[] s_ones =
    [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
    ];

    private static readonly string[] s_tens = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

    private static readonly string[] s_scales = ["", "thousand", "million", "billion", "trillion"];

    public static string Digit(int digit) => s_ones[digit];

    public static string Cardinal(long value, EnglishLocale locale)
    {
        if (value == 0)
        {
            return "zero";
        }

        if (value < 0)
        {
            return "minus " + Cardinal(-value, locale);
        }

        var words = new List<string>();
        int scale = 0;
        long rest = value;
        while (rest > 0 && scale < s_scales.Length)
        {
            int group = (int)(rest % 1000);
            rest /= 1000;
            if (group != 0)
            {
                string groupWords = BelowThousand(group, locale);
                if (scale > 0)
                {
                    groupWords += " " + s_scales[scale];
                }
                else if (locale == EnglishLocale.Gb && group < 100 && value >= 1000)
                {
                    groupWords = "and " + groupWords;
                }

                words.Insert(0, groupWords);
            }

            scale++;
        }

        return string.Join(' ', words);
    }

    public static string BelowHundred(int value) =>
        value < 20 ? s_ones[value] : s_tens[value / 10] + (value % 10 == 0 ? string.Empty : "-" + s_ones[value % 10]);

    public static string Ordinal(long value, EnglishLocale locale) => ToOrdinal(Cardinal(value, locale));

    /// <summary>Turns a spelled cardinal into an ordinal by changing its last word: "twenty-two" becomes "twenty-second".</summary>
    public static string ToOrdinal(string cardinal)
    {
        int cut = cardinal.AsSpan().LastIndexOfAny(' ', '-') + 1;
        string last = cardinal[cut..];
        string ordinal = last switch
        {
            "one" => "first",
            "two" => "second",
            "three" => "third",
            "five" => "fifth",
            "eight" => "eighth",
            "nine" => "ninth",
            "twelve" => "twelfth",
            _ when last.EndsWith('y') => last[..^1] + "ieth",
            _ => last + "th",
        };
        return cardinal[..cut] + ordinal;
    }

    public static string Digits(ReadOnlySpan<char> digits)
    {
        var builder = new System.Text.StringBuilder(digits.Length * 6);
        foreach (char c in digits)
        {
            if (builder.Length > 0)
            {
                builder.Append(' ');
            }

            builder.Append(s_ones[c - '0']);
        }

        return builder.ToString();
    }

    private static string BelowThousand(int value, EnglishLocale locale)
    {
        int hundreds = value / 100;
        int rest = value % 100;
        if (hundreds == 0)
        {
            return BelowHundred(rest);
        }

        string words = s_ones[hundreds] + " hundred";
        return rest == 0 ? words : words + (locale == EnglishLocale.Gb ? " and " : " ") + BelowHundred(rest);
    }
}
