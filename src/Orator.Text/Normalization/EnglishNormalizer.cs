using System.Text;
using Orator.Text.Mapping;

namespace Orator.Text.Normalization;

/// <summary>
/// Rewrites English text into words a speech engine can read: numbers, money, years, times, dates,
/// ranges, fractions, phone numbers, web and e-mail addresses, hashtags, roman numerals, acronyms,
/// units, abbreviations and symbols; markdown markup and emoji are removed. Anything it does not
/// recognise is left exactly as written. Runs in time linear in the input and never throws.
/// </summary>
public sealed class EnglishNormalizer
{
    private readonly EnglishLocale _locale;

    /// <summary>Creates a normalizer with the given options, or US conventions when none are given.</summary>
    public EnglishNormalizer(EnglishNormalizerOptions? options = null)
    {
        _locale = (options ?? new EnglishNormalizerOptions()).Locale;
    }

    /// <summary>The conventions this normalizer reads with.</summary>
    public EnglishLocale Locale => _locale;

    /// <summary>Returns <paramref name="text"/> with written forms replaced by their spoken words; whitespace and punctuation are kept.</summary>
    public string Normalize(string text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? string.Empty;
        }

        return Speak(MarkupCleaner.Clean(text), map: null);
    }

    /// <summary>
    /// Returns exactly what <see cref="Normalize"/> returns, with a map from it back to
    /// <paramref name="text"/>. A reading maps to the written form it replaced together with any
    /// punctuation it dropped (<c>Doctor</c> to <c>Dr.</c> in "Dr. Smith"); punctuation kept beside a
    /// reading maps to itself; removed markup and emoji map to nothing.
    /// </summary>
    public PreparedText NormalizeMapped(string text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return new PreparedText(text ?? string.Empty, TextMap.Identity(0));
        }

        string clean = MarkupCleaner.Clean(text, out TextMap cleanerMap);
        var builder = new TextMapBuilder();
        string spoken = Speak(clean, builder);
        TextMap map = builder.Build(clean.Length);
        return new PreparedText(spoken, TextMapBuilder.Compose(map, cleanerMap));
    }

    /// <summary>Reads clean text; when <paramref name="map"/> is given, records where each piece of the output came from.</summary>
    private string Speak(string clean, TextMapBuilder? map)
    {
        List<WordToken> tokens = WordTokenizer.Tokenize(clean, out string leadingSpace);
        var output = new StringBuilder(clean.Length + (clean.Length / 2));
        output.Append(leadingSpace);
        map?.Copy(0, leadingSpace.Length);
        int i = 0;
        while (i < tokens.Count)
        {
            WordToken token = tokens[i];
            if (Read(tokens, i) is not { } reading)
            {
                output.Append(token.Original).Append(token.Space);
                map?.Copy(token.Start, token.Original.Length + token.Space.Length);
                i++;
                continue;
            }

            WordToken last = tokens[i + reading.Consumed - 1];
            output.Append(reading.Leading).Append(reading.Spoken).Append(reading.Trailing).Append(last.Space);
            if (map is not null)
            {
                // A reading keeps a prefix of its first token's opening punctuation and a suffix of its last
                // token's closing punctuation; what lies between, dropped punctuation included, is what it read.
                int spokenStart = token.Start + reading.Leading.Length;
                int trailingStart = last.TrailingEnd - reading.Trailing.Length;
                map.Copy(token.Start, reading.Leading.Length);
                map.Replace(spokenStart, trailingStart - spokenStart, reading.Spoken.Length);
                map.Copy(trailingStart, reading.Trailing.Length + last.Space.Length);
            }

            i += reading.Consumed;
        }

        return output.ToString();
    }

    private Reading? Read(List<WordToken> tokens, int index)
    {
        WordToken token = tokens[index];
        if (token.Core.Length == 0)
        {
            return null;
        }

        WordToken? next = index + 1 < tokens.Count ? tokens[index + 1] : null;
        WordToken? joinable = token.Trailing.Length == 0 && next is { Leading.Length: 0 } ? next : null;
        WordToken? previous = index > 0 && token.Leading.Length == 0 && (tokens[index - 1].Trailing.Length == 0
            || (tokens[index - 1].Trailing == "." && CalendarDate.MonthFromAbbreviation(tokens[index - 1].Core) is not null))
            ? tokens[index - 1]
            : null;

        int phoneTokens = PhoneNumber.TrySpeakSpaced(tokens, index, out string phone);
        if (phoneTokens > 0)
        {
            string leading = token.Leading.EndsWith('(') ? token.Leading[..^1] : token.Leading;
            return new Reading(phone, phoneTokens, leading, tokens[index + phoneTokens - 1].Trailing);
        }

        if (ReadWord(token, next, joinable, previous) is { } word)
        {
            return word;
        }

        string? spoken = ReadSingle(token.Core, joinable, previous?.Core, next, out int consumed);
        if (spoken is null)
        {
            return null;
        }

        // "'90s" is "nineties": the apostrophe stands for the missing century, not a quote.
        string leadingPunctuation = token.Leading.EndsWith('\'') && token.Core.EndsWith('s') && char.IsAsciiDigit(token.Core[0])
            ? token.Leading[..^1]
            : token.Leading;
        WordToken last = tokens[index + consumed - 1];
        string trailing = last.Trailing;

        // "9 a.m. sharp": the stop belongs to "a.m.", and keeping it would end the sentence early.
        if (trailing.StartsWith('.') && last.Core.EndsWith(".m", StringComparison.OrdinalIgnoreCase)
            && index + consumed < tokens.Count && !tokens[index + consumed].StartsUpper)
        {
            trailing = trailing[1..];
        }

        return new Reading(spoken, consumed, leadingPunctuation, trailing);
    }

    /// <summary>Readers that look at letters: abbreviations, addresses, tags, roman numerals and acronyms.</summary>
    private Reading? ReadWord(WordToken token, WordToken? next, WordToken? joinable, WordToken? previous)
    {
        string core = token.Core;
        bool dotted = token.Trailing.StartsWith('.');
        if ((dotted || core == "vs") && Abbreviation.TryExpand(core, next, out string expansion, out bool keepStop))
        {
            string trailing = keepStop || !dotted ? token.Trailing : token.Trailing[1..];
            return new Reading(expansion, 1, token.Leading, trailing);
        }

        if (!dotted && token.Trailing.Length == 0 && Abbreviation.TryExpandUndotted(core, next, out expansion))
        {
            return new Reading(expansion, 1, token.Leading, token.Trailing);
        }

        if (SymbolWord.For(core) is { } symbol)
        {
            return new Reading(symbol, 1, token.Leading, token.Trailing);
        }

        if (WebAddress.TrySpeak(core, _locale, out string address) || SocialTag.TrySpeak(core, _locale, out address))
        {
            return new Reading(address, 1, token.Leading, token.Trailing);
        }

        if (!char.IsAsciiLetter(core[0]))
        {
            return null;
        }

        if (Initialism.TrySpeak(core, dotted, out string initials))
        {
            // "U.S." keeps its stop only where a sentence may end there.
            bool sentenceEnds = next is null || next.Value.StartsUpper;
            string trailing = dotted && !sentenceEnds ? token.Trailing[1..] : token.Trailing;
            return new Reading(initials, 1, token.Leading, trailing);
        }

        if (RomanNumeral.TrySpeak(core, previous?.Core, _locale, out string roman))
        {
            return new Reading(roman, 1, token.Leading, token.Trailing);
        }

        // "COVID-19", "F-35", "I-95": a capital letter or an acronym, a hyphen and a number.
        int hyphen = core.IndexOf('-', StringComparison.Ordinal);
        if (hyphen >= 1 && hyphen < core.Length - 1 && NumericLiteral.TryParse(core.AsSpan(hyphen + 1), out NumericLiteral tail) && !tail.Negative)
        {
            string? head = hyphen == 1 ? (char.IsAsciiLetterUpper(core[0]) ? core[..1] : null)
                : Acronym.TrySpeak(core[..hyphen], shoutedContext: false, out string spelled) ? spelled : null;
            if (head is not null)
            {
                return new Reading(head + " " + tail.Speak(_locale), 1, token.Leading, token.Trailing);
            }
        }

        // "Q3", "F1", "G7": a capital letter and a short number.
        if (core.Length is >= 2 and <= 4 && char.IsAsciiLetterUpper(core[0]) && core.AsSpan(1).IndexOfAnyExceptInRange('0', '9') < 0 && core[1] != '0')
        {
            return new Reading(core[0] + " " + NumberWords.Cardinal(long.Parse(core.AsSpan(1), System.Globalization.CultureInfo.InvariantCulture), _locale), 1, token.Leading, token.Trailing);
        }

        if (CalendarDate.MonthFromAbbreviation(core) is { } month && next is { } day && day.Core.Length > 0 && char.IsAsciiDigit(day.Core[0]))
        {
            string trailing = dotted ? token.Trailing[1..] : token.Trailing;
            return new Reading(month, 1, token.Leading, trailing);
        }

        if (Currency.FromCode(core) is not null && joinable is { } amount && amount.Core.Length > 0 && char.IsAsciiDigit(amount.Core[0]))
        {
            return null;
        }

        bool shouted = (previous is { } before && Acronym.IsShouted(before.Core)) || (joinable is { } after && Acronym.IsShouted(after.Core));
        if (Acronym.TrySpeak(core, shouted, out string acronym))
        {
            return new Reading(acronym, 1, token.Leading, token.Trailing);
        }

        return null;
    }

    /// <summary>Readers that look at numbers; <paramref name="consumed"/> is 2 when the next token (a unit, a scale, am/pm) was read too.</summary>
    private string? ReadSingle(string core, WordToken? joinable, string? previousCore, WordToken? next, out int consumed)
    {
        consumed = 1;
        if (PhoneNumber.TrySpeak(core, out string phone))
        {
            return phone;
        }

        if (ReadMoney(core, joinable, ref consumed) is { } money)
        {
            return money;
        }

        string? nextMeridiem = joinable is { } candidate ? ClockTime.Meridiem(candidate.Core) : null;
        if (ClockTime.TrySpeak(core, nextMeridiem, out string time, out bool usedNext))
        {
            consumed = usedNext ? 2 : 1;
            return time;
        }

        if (CalendarDate.TrySpeak(core, _locale, out string date) || YearWords.TrySpeakDecade(core, _locale, out date))
        {
            return date;
        }

        if (ReadRange(core, joinable, ref consumed) is { } range)
        {
            return range;
        }

        if (Fraction.TrySpeak(core, _locale, out string fraction) || DottedNumber.TrySpeak(core, _locale, out fraction))
        {
            return fraction;
        }

        if (ReadPrefixed(core, joinable, ref consumed) is { } prefixed)
        {
            return prefixed;
        }

        return ReadNumber(core, joinable, previousCore, next, ref consumed);
    }

    /// <summary>"10-20", "9am–5pm", "$10-$20", "1990-95", a score "3-2": both ends read, joined by "to".</summary>
    private string? ReadRange(string core, WordToken? joinable, ref int consumed)
    {
        int dash = core.AsSpan(1).IndexOfAny('-', '–') + 1;
        if (dash <= 0 || dash == core.Length - 1 || core.AsSpan(dash + 1).IndexOfAny('-', '–') >= 0
            || !char.IsAsciiDigit(core[dash - 1]) && core[dash - 1] is not ('%' or 'm' or 'M' or 'k' or 'K')
            || !char.IsAsciiDigit(core[dash + 1]) && Currency.FromSymbol(core[dash + 1]) is null)
        {
            return null;
        }

        string left = core[..dash];
        string right = core[(dash + 1)..];
        if (Currency.FromSymbol(left[0]) is not null && char.IsAsciiDigit(right[0]))
        {
            right = left[0] + right;
        }

        string? leftWords = ReadSingle(left, null, null, null, out _);
        if (leftWords is null)
        {
            return null;
        }

        int rightConsumed = 1;
        string? rightWords = ReadSingle(right, joinable, null, null, out rightConsumed);
        if (rightWords is null)
        {
            return null;
        }

        consumed = rightConsumed;
        return leftWords + " to " + rightWords;
    }

    /// <summary>"~5", "&gt;10", "+3", "2x", "4x4", "99¢", "10K": a number with a sign or mark that is read as a word.</summary>
    private string? ReadPrefixed(string core, WordToken? joinable, ref int consumed)
    {
        string? prefix = core[0] switch
        {
            '~' or '≈' => "about",
            '<' => "less than",
            '>' => "more than",
            '≤' => "at most",
            '≥' => "at least",
            '±' => "plus or minus",
            '+' => "plus",
            _ => null,
        };
        if (prefix is not null && core.Length > 1 && (char.IsAsciiDigit(core[1]) || Currency.FromSymbol(core[1]) is not null))
        {
            return ReadSingle(core[1..], joinable, null, null, out consumed) is { } rest ? prefix + " " + rest : null;
        }

        int length = NumericLiteral.Scan(core, out NumericLiteral literal);
        if (length == 0 || length == core.Length)
        {
            return null;
        }

        string suffix = core[length..];
        if (suffix is "x" or "×")
        {
            return literal.Speak(_locale) + " times";
        }

        if (suffix[0] is 'x' or '×' && NumericLiteral.TryParse(suffix.AsSpan(1), out NumericLiteral other))
        {
            return literal.Speak(_locale) + " by " + other.Speak(_locale);
        }

        if (suffix == "¢")
        {
            return literal.Speak(_locale) + (literal.IsExactlyOne ? " cent" : " cents");
        }

        // "4K" and "10k" are said with the letter ("a four K screen", "a ten K run"); M and B are read out.
        if (suffix is "K" or "k")
        {
            return literal.Speak(_locale) + " K";
        }

        return suffix is "M" or "B" or "bn" && Currency.Scale(suffix) is { } scale ? literal.Speak(_locale) + " " + scale : null;
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

    private string? ReadNumber(string core, WordToken? joinable, string? previousCore, WordToken? next, ref int consumed)
    {
        int length = NumericLiteral.Scan(core, out NumericLiteral literal);
        if (length == 0)
        {
            return null;
        }

        string suffix = core[length..];
        bool isSmallWhole = !literal.Negative && !literal.HasFraction && literal.IsCardinal && literal.IntegerValue is >= 1 and <= 12;
        bool isDayOfMonth = !literal.Negative && !literal.HasFraction && literal.IsCardinal && literal.IntegerValue is >= 1 and <= 31;
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

                if (Fraction.SpeakMixed(literal, unitToken.Core, _locale) is { } mixed)
                {
                    consumed = 2;
                    return mixed;
                }
            }

            if (isDayOfMonth && previousCore is not null && (CalendarDate.IsMonthName(previousCore) || CalendarDate.MonthFromAbbreviation(previousCore) is not null))
            {
                return NumberWords.Ordinal(literal.IntegerValue, _locale);
            }

            // "5 January": the fifth of January.
            if (isDayOfMonth && next is { } month && CalendarDate.IsMonthName(month.Core) && joinable is not null)
            {
                return "the " + NumberWords.Ordinal(literal.IntegerValue, _locale) + " of";
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

        if (MeasurementUnit.Find(suffix, _locale) is { } attachedUnit)
        {
            return literal.Speak(_locale) + " " + attachedUnit.For(literal);
        }

        // "30-year", "3rd-quarter": the number is read and the word after the hyphen kept.
        int hyphen = suffix.IndexOf('-', StringComparison.Ordinal);
        if (hyphen >= 0 && hyphen < suffix.Length - 1 && suffix.AsSpan(hyphen + 1).IndexOfAnyExceptInRange('a', 'z') < 0
            && !literal.Negative && !literal.HasFraction && literal.IsCardinal)
        {
            string head = suffix[..hyphen].ToLowerInvariant();
            string number = head switch
            {
                "" => literal.Speak(_locale),
                "st" or "nd" or "rd" or "th" => NumberWords.Ordinal(literal.IntegerValue, _locale),
                _ => string.Empty,
            };
            return number.Length > 0 ? number + suffix[hyphen..] : null;
        }

        return null;
    }
}
