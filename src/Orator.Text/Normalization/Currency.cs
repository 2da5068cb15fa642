namespace Orator.Text.Normalization;

/// <summary>A currency's spoken names; <see cref="MinorPlural"/> is null where amounts are not split into minor units (yen).</summary>
internal sealed record Currency(string Major, string MajorPlural, string? Minor, string? MinorPlural)
{
    private static readonly Currency s_dollar = new("dollar", "dollars", "cent", "cents");
    private static readonly Currency s_usDollar = new("US dollar", "US dollars", "cent", "cents");
    private static readonly Currency s_pound = new("pound", "pounds", "penny", "pence");
    private static readonly Currency s_euro = new("euro", "euros", "cent", "cents");
    private static readonly Currency s_yen = new("yen", "yen", null, null);
    private static readonly Currency s_rupee = new("rupee", "rupees", "paisa", "paise");

    public static Currency? FromSymbol(char symbol) => symbol switch
    {
        '$' => s_dollar,
        '£' => s_pound,
        '€' => s_euro,
        '¥' => s_yen,
        '₹' => s_rupee,
        _ => null,
    };

    public static Currency? FromCode(string code) => code switch
    {
        "USD" => s_usDollar,
        "GBP" => s_pound,
        "EUR" => s_euro,
        "JPY" => s_yen,
        "INR" => s_rupee,
        _ => null,
    };

    /// <summary>"three dollars and fifty cents", or with a scale word "two point five million dollars".</summary>
    public string Speak(NumericLiteral amount, string? scale, EnglishLocale locale)
    {
        string sign = amount.Negative ? "minus " : string.Empty;
        var unsigned = amount with { Negative = false };
        if (scale is not null)
        {
            return $"{sign}{unsigned.Speak(locale)} {scale} {MajorPlural}";
        }

        if (unsigned.HasFraction && (unsigned.FractionDigits.Length > 2 || MinorPlural is null || !unsigned.IsCardinal))
        {
            return $"{sign}{unsigned.Speak(locale)} {MajorPlural}";
        }

        string majorWords = unsigned.SpeakInteger(locale) + " " + (unsigned.IsCardinal && unsigned.IntegerValue == 1 ? Major : MajorPlural);
        if (!unsigned.HasFraction)
        {
            return sign + majorWords;
        }

        int minor = int.Parse(unsigned.FractionDigits.PadRight(2, '0'), System.Globalization.CultureInfo.InvariantCulture);
        if (minor == 0)
        {
            return sign + majorWords;
        }

        string minorWords = NumberWords.BelowHundred(minor) + " " + (minor == 1 ? Minor : MinorPlural);
        return unsigned.IntegerValue == 0 ? sign + minorWords : $"{sign}{majorWords} and {minorWords}";
    }

    /// <summary>Maps an attached or following scale ("2.5M", "3bn", "10K", "million") to its word, or null.</summary>
    public static string? Scale(string suffix) => suffix switch
    {
        "K" or "k" or "thousand" => "thousand",
        "M" or "m" or "mn" or "million" => "million",
        "B" or "b" or "bn" or "billion" => "billion",
        "T" or "tn" or "trillion" => "trillion",
        _ => null,
    };
}
