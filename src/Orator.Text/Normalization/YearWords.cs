namespace Orator.Text.Normalization;

/// <summary>Reads years the way people say them: "nineteen ninety-nine", "nineteen oh five", "two thousand".</summary>
internal static class YearWords
{
    /// <summary>A bare four-digit number in this range is taken for a year ("in 1999"); "1500 people" reads as "fifteen hundred people", still right.</summary>
    public static bool IsLikelyYear(NumericLiteral literal) =>
        !literal.Negative && !literal.Grouped && !literal.HasFraction && literal.IntegerDigits.Length == 4
        && literal.IntegerValue is >= 1100 and <= 2099;

    public static string Speak(int year, EnglishLocale locale)
    {
        if (year is < 1000 or > 9999 || (year >= 2000 && year < 2010))
        {
            return NumberWords.Cardinal(year, locale);
        }

        int high = year / 100;
        int low = year % 100;
        if (low == 0)
        {
            return high % 10 == 0 ? NumberWords.Cardinal(year, locale) : NumberWords.BelowHundred(high) + " hundred";
        }

        string lowWords = low < 10 ? "oh " + NumberWords.Digit(low) : NumberWords.BelowHundred(low);
        return NumberWords.BelowHundred(high) + " " + lowWords;
    }

    /// <summary>Reads "1990s" as "nineteen nineties" and "90s" as "nineties"; false for anything else.</summary>
    public static bool TrySpeakDecade(string core, EnglishLocale locale, out string spoken)
    {
        spoken = string.Empty;
        if (core.Length is not (3 or 5) || core[^1] != 's' || core[^2] != '0')
        {
            return false;
        }

        for (int i = 0; i < core.Length - 1; i++)
        {
            if (!char.IsAsciiDigit(core[i]))
            {
                return false;
            }
        }

        int value = int.Parse(core.AsSpan(0, core.Length - 1), System.Globalization.CultureInfo.InvariantCulture);
        string words;
        if (core.Length == 3)
        {
            if (value < 20)
            {
                return false;
            }

            words = NumberWords.BelowHundred(value);
        }
        else
        {
            if (value < 1000)
            {
                return false;
            }

            words = Speak(value, locale);
        }

        spoken = words.EndsWith('y') ? words[..^1] + "ies" : words + "s";
        return true;
    }
}
