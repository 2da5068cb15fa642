using System.Text;

namespace Orator.Text.Normalization;

/// <summary>
/// Rewrites English text into words a speech engine can read: numbers, money, years, times, dates,
/// ordinals, percentages, units, common abbreviations and symbols. Anything it does not recognise is
/// left exactly as written. Runs in time linear in the input and never throws.
/// </summary>
public sealed class EnglishNormalizer
{
    private readonly EnglishLocale _locale;

    /// <summary>Creates a normalizer with the given options, or US conventions when none are given.</summary>
    public EnglishNormalizer(EnglishNormalizerOptions? options = null)
    {
        _locale = (options ?? new EnglishNormalizerOptions()).Locale;
    }

    /// <summary>Returns <paramref name="text"/> with written forms replaced by their spoken words; whitespace and punctuation are kept.</summary>
    public string Normalize(string text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? string.Empty;
        }

        List<WordToken> tokens = WordTokenizer.Tokenize(text, out string leadingSpace);
        var output = new StringBuilder(text.Length + (text.Length / 2));
        output.Append(leadingSpace);
        int i = 0;
        while (i < tokens.Count)
        {
            WordToken token = tokens[i];
            string? spoken = Read(tokens, i, out int consumed, out string trailing);
            if (spoken is null)
            {
                output.Append(token.Original).Append(token.Space);
                i++;
                continue;
            }

            WordToken last = tokens[i + consumed - 1];
            output.Append(token.Leading).Append(spoken).Append(trailing).Append(last.Space);
            i += consumed;
        }

        return output.ToString();
    }

    private string? Read(List<WordToken> tokens, int index, out int consumed, out string trailing)
    {
        WordToken token = tokens[index];
        WordToken? next = index + 1 < tokens.Count ? tokens[index + 1] : null;
        WordToken? joinable = token.Trailing.Length == 0 && next is { Leading.Length: 0 } ? next : null;
        string core = token.Core;
        consumed = 1;
        trailing = token.Trailing;
        if (core.Length == 0)
        {
            return null;
        }

        if ((token.Trailing.StartsWith('.') || core == "vs") && Abbreviation.TryExpand(core, next, out string expansion, out bool keepStop))
        {
            trailing = keepStop || !token.Trailing.StartsWith('.') ? token.Trailing : token.Trailing[1..];
            return expansion;
        }

        if (SymbolWord.For(core) is { } symbol)
        {
            return symbol;
        }

        if (ReadMoney(core, joinable, ref consumed) is { } money)
        {
            trailing = consumed == 2 ? joinable!.Value.Trailing : trailing;
            return money;
        }

        string? nextMeridiem = joinable is { } candidate ? ClockTime.Meridiem(candidate.Core) : null;
        if (ClockTime.TrySpeak(core, nextMeridiem, out string time, out bool usedNext))
        {
            consumed = usedNext ? 2 : 1;
            trailing = usedNext ? joinable!.Value.Trailing : trailing;
            return time;
        }

        if (CalendarDate.TrySpeak(core, _locale, out string date) || YearWords.TrySpeakDecade(core, _locale, out date))
        {
            return date;
        }

        string? previousCore = index > 0 && tokens[index - 1].Trailing.Length == 0 ? tokens[index - 1].Core : null;
        string? number = ReadNumber(core, joinable, previousCore, ref consumed);
        if (consumed == 2)
        {
            trailing = joinable!.Value.Trailing;
        }

        return number;
    }

    private string? ReadMoney(string core, WordToken? joinable, ref int consumed)
    {
        if (Currency.FromCode(core) is { } coded && joinable is { } amountToken
            && NumericLiteral.TryParse(amountToken.Core, out NumericLiteral codedAmount))
        {
            consumed = 2;
            return coded.Speak(codedAmount, null, _locale);
        }

        bool negative = core[0] == '-' || core[0] == '−';
        int symbolAt = negative ? 1 : 0;
        if (core.Length <= symbolAt + 1 || Currency.FromSymbol(core[symbolAt]) is not { } currency)
        {
            return null;
        }

        string rest = core[(symbolAt + 1)..];
        int length = NumericLiteral.Scan(rest, out NumericLiteral amount);
        if (length == 0 || amount.Negative)
        {
            return null;
        }

        amount = amount with { Negative = negative };
        string suffix = rest[length..];
        if (suffix.Length > 0)
        {
            return Currency.Scale(suffix) is { } attachedScale ? currency.Speak(amount, attachedScale, _locale) : null;
        }

        if (joinable is { } scaleToken && scaleToken.Core.Length > 2 && Currency.Scale(scaleToken.Core) is { } scale)
        {
            consumed = 2;
            return currency.Speak(amount, scale, _locale);
        }

        return currency.Speak(amount, null, _locale);
    }

    private string? ReadNumber(string core, WordToken? joinable, string? previousCore, ref int consumed)
    {
        int length = NumericLiteral.Scan(core, out NumericLiteral literal);
        if (length == 0)
        {
            return null;
        }

        string suffix = core[length..];
        bool isSmallWhole = !literal.Negative && !literal.HasFraction && literal.IsCardinal && literal.IntegerValue is >= 1 and <= 12;
        if (suffix.Length == 0)
        {
            if (joinable is { } unitToken)
            {
                if (MeasurementUnit.Find(unitToken.Core, _locale) is { } unit)
                {
                    consumed = 2;
                    return literal.Speak(_locale) + " " + unit.For(literal);
                }

                if (Currency.FromCode(unitToken.Core) is { } currency)
                {
                    consumed = 2;
                    return currency.Speak(literal, null, _locale);
                }

                if (isSmallWhole && ClockTime.Meridiem(unitToken.Core) is { } meridiem)
                {
                    consumed = 2;
                    return literal.Speak(_locale) + " " + meridiem;
                }
            }

            bool isDayOfMonth = !literal.Negative && !literal.HasFraction && literal.IsCardinal && literal.IntegerValue is >= 1 and <= 31;
            if (isDayOfMonth && previousCore is not null && CalendarDate.IsMonthName(previousCore))
            {
                return NumberWords.Ordinal(literal.IntegerValue, _locale);
            }

            return YearWords.IsLikelyYear(literal) ? YearWords.Speak((int)literal.IntegerValue, _locale) : literal.Speak(_locale);
        }

        if (suffix == "%")
        {
            return literal.Speak(_locale) + " percent";
        }

        if (suffix.ToLowerInvariant() is "st" or "nd" or "rd" or "th" && !literal.Negative && !literal.HasFraction && literal.IsCardinal)
        {
            return NumberWords.Ordinal(literal.IntegerValue, _locale);
        }

        if (isSmallWhole && ClockTime.Meridiem(suffix) is { } attachedMeridiem)
        {
            return literal.Speak(_locale) + " " + attachedMeridiem;
        }

        return MeasurementUnit.Find(suffix, _locale) is { } attachedUnit ? literal.Speak(_locale) + " " + attachedUnit.For(literal) : null;
    }
}
