namespace Orator.Text.Normalization;

/// <summary>
/// Reads roman numerals only where context says they are numbers: after a word like "Chapter" or
/// "War" as a cardinal ("Chapter four", "World War two"), after a name as a regnal ordinal
/// ("Henry the eighth"). A lone "I" stays the pronoun.
/// </summary>
internal static class RomanNumeral
{
    private static readonly HashSet<string> s_countingWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "Chapter", "Part", "Book", "Volume", "Vol", "Act", "Scene", "Section", "Article", "Phase", "Stage", "Round",
        "Level", "Class", "Type", "Title", "Appendix", "Series", "Season", "Episode", "Grade", "Division", "Category",
        "Schedule", "War", "Bowl", "Annex", "Canto", "Psalm", "Unit", "Tier", "Mark", "Mk", "Gen", "Generation", "Vatican",
    };

    private static readonly HashSet<string> s_regnalNames = new(StringComparer.Ordinal)
    {
        "Henry", "Elizabeth", "George", "Charles", "Edward", "Louis", "William", "James", "Richard", "John", "Mary",
        "Victoria", "Peter", "Catherine", "Napoleon", "Philip", "Frederick", "Pius", "Leo", "Gregory", "Benedict",
        "Paul", "Innocent", "Alexander", "Nicholas", "Ivan", "Otto", "Ludwig", "Harald", "Olaf", "Gustav", "Alfonso",
        "Ferdinand", "Isabella", "Constantine", "Stephen", "Anne", "Francis", "Clement", "Urban", "Boniface", "Sixtus",
    };

    public static bool TrySpeak(string core, string? previousCore, EnglishLocale locale, out string spoken)
    {
        spoken = string.Empty;
        if (previousCore is null || core.Length is 0 or > 12 || !TryParse(core, out int value))
        {
            return false;
        }

        // "Class C", "Type D", "Level M" are letters, not 100, 500 and 1000.
        if (s_countingWords.Contains(previousCore) && core is not ("C" or "D" or "L" or "M"))
        {
            spoken = NumberWords.Cardinal(value, locale);
            return true;
        }

        // After a name, a numeral is a regnal number; "I" only after a known monarch's name, since
        // "Bob I think" is far commoner than "Bob the First".
        bool name = previousCore.Length >= 3 && char.IsUpper(previousCore[0]) && IsLowerWord(previousCore.AsSpan(1));
        bool smallOnly = core.AsSpan().IndexOfAnyExcept("IVX") < 0;
        if (name && smallOnly && (s_regnalNames.Contains(previousCore) || value >= 2))
        {
            spoken = "the " + NumberWords.Ordinal(value, locale);
            return true;
        }

        return false;
    }

    /// <summary>Parses a canonical upper-case numeral from I to MMMCMXCIX; "IIII" and "VX" are not numerals.</summary>
    public static bool TryParse(string text, out int value)
    {
        value = 0;
        int i = 0;
        value += Repeat(text, ref i, 'M', 1000);
        value += Place(text, ref i, 'C', 'D', 'M', 100);
        value += Place(text, ref i, 'X', 'L', 'C', 10);
        value += Place(text, ref i, 'I', 'V', 'X', 1);
        return i == text.Length && value > 0;
    }

    private static int Place(string text, ref int i, char one, char five, char ten, int scale)
    {
        if (At(text, i, one) && At(text, i + 1, ten))
        {
            i += 2;
            return 9 * scale;
        }

        if (At(text, i, one) && At(text, i + 1, five))
        {
            i += 2;
            return 4 * scale;
        }

        int value = 0;
        if (At(text, i, five))
        {
            i++;
            value = 5 * scale;
        }

        return value + Repeat(text, ref i, one, scale);
    }

    // At most three of a kind: "IIII" is not canonical.
    private static int Repeat(string text, ref int i, char c, int scale)
    {
        int count = 0;
        while (count < 3 && At(text, i, c))
        {
            i++;
            count++;
        }

        return count * scale;
    }

    private static bool At(string text, int i, char c) => i < text.Length && text[i] == c;

    private static bool IsLowerWord(ReadOnlySpan<char> text)
    {
        foreach (char c in text)
        {
            if (!char.IsLower(c))
            {
                return false;
            }
        }

        return true;
    }
}
