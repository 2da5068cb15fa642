namespace Orator.Text.Normalization;

/// <summary>Reads fractions: "3/4" as "three quarters", "1 1/2" as "one and a half", "½" as "one half", "45/50" as "forty-five out of fifty".</summary>
internal static class Fraction
{
    private const int MaxSpokenDenominator = 16;

    public static bool TrySpeak(string core, EnglishLocale locale, out string spoken)
    {
        spoken = string.Empty;
        if (core.Length == 0)
        {
            return false;
        }

        if (Vulgar(core[^1]) is { } vulgar)
        {
            if (core.Length == 1)
            {
                spoken = vulgar;
                return true;
            }

            if (!NumericLiteral.TryParse(core.AsSpan(0, core.Length - 1), out NumericLiteral whole) || whole.HasFraction || !whole.IsCardinal || whole.Negative)
            {
                return false;
            }

            spoken = whole.Speak(locale) + " and " + WithArticle(vulgar);
            return true;
        }

        int slash = core.IndexOf('/', StringComparison.Ordinal);
        if (slash is < 1 or > 3 || core.Length - slash - 1 is < 1 or > 3
            || !int.TryParse(core.AsSpan(0, slash), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int numerator)
            || !int.TryParse(core.AsSpan(slash + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int denominator)
            || denominator == 0)
        {
            return false;
        }

        spoken = (numerator, denominator) switch
        {
            (24, 7) => "twenty-four seven",
            (50, 50) => "fifty fifty",
            _ when numerator < denominator && denominator <= MaxSpokenDenominator => Proper(numerator, denominator, locale),
            _ => NumberWords.Cardinal(numerator, locale) + " out of " + NumberWords.Cardinal(denominator, locale),
        };
        return true;
    }

    /// <summary>"1" followed by "1/2": the whole part and a proper fraction, or null.</summary>
    public static string? SpeakMixed(NumericLiteral whole, string fraction, EnglishLocale locale)
    {
        if (whole.Negative || whole.HasFraction || !whole.IsCardinal)
        {
            return null;
        }

        int slash = fraction.IndexOf('/', StringComparison.Ordinal);
        if (slash is < 1 or > 2 || fraction.Length - slash - 1 is < 1 or > 2
            || !int.TryParse(fraction.AsSpan(0, slash), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int numerator)
            || !int.TryParse(fraction.AsSpan(slash + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int denominator)
            || numerator == 0 || numerator >= denominator || denominator > MaxSpokenDenominator)
        {
            return null;
        }

        return whole.Speak(locale) + " and " + WithArticle(Proper(numerator, denominator, locale));
    }

    private static string Proper(int numerator, int denominator, EnglishLocale locale)
    {
        string unit = denominator switch
        {
            2 => numerator == 1 ? "half" : "halves",
            4 => numerator == 1 ? "quarter" : "quarters",
            _ => NumberWords.Ordinal(denominator, locale) + (numerator == 1 ? string.Empty : "s"),
        };
        return NumberWords.Cardinal(numerator, locale) + " " + unit;
    }

    // "one and a half", not "one and one half".
    private static string WithArticle(string fraction) => fraction.StartsWith("one ", StringComparison.Ordinal)
        ? (fraction[4] == 'e' ? "an " : "a ") + fraction[4..]
        : fraction;

    private static string? Vulgar(char c) => c switch
    {
        '½' => "one half",
        '⅓' => "one third",
        '⅔' => "two thirds",
        '¼' => "one quarter",
        '¾' => "three quarters",
        '⅕' => "one fifth",
        '⅛' => "one eighth",
        '⅜' => "three eighths",
        '⅝' => "five eighths",
        '⅞' => "seven eighths",
        _ => null,
    };
}
