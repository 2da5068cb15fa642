using System.Globalization;

namespace Orator.Text.Normalization;

/// <summary>A written number such as "-1,234.56": sign, integer digits without separators, and fraction digits.</summary>
internal readonly record struct NumericLiteral(bool Negative, string IntegerDigits, string FractionDigits, bool Grouped)
{
    public bool HasFraction => FractionDigits.Length > 0;

    /// <summary>Whether the integer part is spoken as a cardinal rather than digit by digit.</summary>
    public bool IsCardinal => IntegerDigits.Length <= NumberWords.MaxCardinalDigits && (IntegerDigits.Length == 1 || IntegerDigits[0] != '0' || Grouped);

    public long IntegerValue => IsCardinal ? long.Parse(IntegerDigits, NumberStyles.None, CultureInfo.InvariantCulture) : -1;

    public bool IsExactlyOne => !Negative && IsCardinal && IntegerValue == 1 && !HasFraction;

    public static bool TryParse(ReadOnlySpan<char> text, out NumericLiteral literal) =>
        Scan(text, out literal) == text.Length && text.Length > 0;

    /// <summary>Reads the longest number at the start of <paramref name="text"/>; returns how many characters it took (0 when none).</summary>
    public static int Scan(ReadOnlySpan<char> text, out NumericLiteral literal)
    {
        literal = default;
        int i = 0;
        bool negative = false;
        if (i < text.Length && (text[i] == '-' || text[i] == '−'))
        {
            negative = true;
            i++;
        }

        int digitsStart = i;
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            i++;
        }

        if (i == digitsStart)
        {
            return 0;
        }

        var integer = new System.Text.StringBuilder(text[digitsStart..i].ToString());
        bool grouped = false;
        if (i - digitsStart <= 3)
        {
            while (i < text.Length && text[i] == ',' && IsDigitRun(text, i + 1, 3) && (i + 4 == text.Length || !char.IsAsciiDigit(text[i + 4])))
            {
                integer.Append(text.Slice(i + 1, 3));
                grouped = true;
                i += 4;
            }
        }

        string fraction = string.Empty;
        if (i + 1 < text.Length && text[i] == '.' && char.IsAsciiDigit(text[i + 1]))
        {
            int fractionStart = i + 1;
            i = fractionStart;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }

            fraction = text[fractionStart..i].ToString();
        }

        literal = new NumericLiteral(negative, integer.ToString(), fraction, grouped);
        return i;
    }

    /// <summary>Spells the number: "minus three point one four".</summary>
    public string Speak(EnglishLocale locale)
    {
        string words = SpeakInteger(locale);
        if (HasFraction)
        {
            words += " point " + NumberWords.Digits(FractionDigits);
        }

        return Negative ? "minus " + words : words;
    }

    public string SpeakInteger(EnglishLocale locale) =>
        IsCardinal ? NumberWords.Cardinal(IntegerValue, locale) : NumberWords.Digits(IntegerDigits);

    private static bool IsDigitRun(ReadOnlySpan<char> text, int start, int count)
    {
        if (start + count > text.Length)
        {
            return false;
        }

        foreach (char c in text.Slice(start, count))
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
