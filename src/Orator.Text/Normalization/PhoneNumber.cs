using System.Text;

namespace Orator.Text.Normalization;

/// <summary>
/// Reads telephone numbers digit by digit in their written groups, with a pause between groups:
/// "555-123-4567" as "five five five, one two three, four five six seven".
/// </summary>
internal static class PhoneNumber
{
    /// <summary>One token: "555-1234", "555-123-4567", "1-800-555-0199", "+44-20-7946-0958", "555.123.4567".</summary>
    public static bool TrySpeak(string core, out string spoken)
    {
        spoken = string.Empty;
        if (core.Length is < 8 or > 24)
        {
            return false;
        }

        bool plus = core[0] == '+';
        string body = plus ? core[1..] : core;
        char separator = body.Contains('-', StringComparison.Ordinal) ? '-' : '.';
        string[] groups = body.Split(separator);
        if (!ValidGroups(groups))
        {
            return false;
        }

        // Two groups are a phone number only as 3+4 ("555-1234"); "2019-2024" is a range of years.
        bool looksLikePhone = groups.Length >= 3 ? groups[^1].Length == 4 || plus : groups[0].Length == 3 && groups[1].Length == 4;
        if (!looksLikePhone || (separator == '.' && !(groups.Length == 3 && groups[0].Length == 3 && groups[1].Length == 3)))
        {
            return false;
        }

        spoken = Speak(plus, groups);
        return true;
    }

    /// <summary>Several tokens: "(555) 123-4567" or "+1 555 123 4567"; returns how many tokens were used, 0 if none.</summary>
    public static int TrySpeakSpaced(List<WordToken> tokens, int index, out string spoken)
    {
        spoken = string.Empty;
        WordToken first = tokens[index];
        if (first.Leading.EndsWith('(') && first.Trailing == ")" && first.Core.Length == 3 && AllDigits(first.Core)
            && index + 1 < tokens.Count && tokens[index + 1].Leading.Length == 0)
        {
            string[] rest = tokens[index + 1].Core.Split('-');
            if (rest.Length == 2 && rest[0].Length == 3 && rest[1].Length == 4 && AllDigits(rest[0]) && AllDigits(rest[1]))
            {
                spoken = Speak(false, [first.Core, rest[0], rest[1]]);
                return 2;
            }

            return 0;
        }

        if (first.Core.Length is < 2 or > 4 || first.Core[0] != '+' || !AllDigits(first.Core.AsSpan(1)) || first.Trailing.Length > 0)
        {
            return 0;
        }

        var groups = new List<string> { first.Core[1..] };
        int i = index + 1;
        while (i < tokens.Count && groups.Count < 6)
        {
            WordToken token = tokens[i];
            if (token.Leading.Length > 0 || token.Core.Length is < 2 or > 4 || !AllDigits(token.Core))
            {
                break;
            }

            groups.Add(token.Core);
            i++;
            if (token.Trailing.Length > 0)
            {
                break;
            }
        }

        if (groups.Count < 3)
        {
            return 0;
        }

        spoken = Speak(true, [.. groups]);
        return i - index;
    }

    private static bool ValidGroups(string[] groups)
    {
        if (groups.Length is < 2 or > 5)
        {
            return false;
        }

        int digits = 0;
        foreach (string group in groups)
        {
            if (group.Length is 0 or > 4 || !AllDigits(group))
            {
                return false;
            }

            digits += group.Length;
        }

        return digits is >= 7 and <= 15;
    }

    private static string Speak(bool plus, string[] groups)
    {
        var builder = new StringBuilder(groups.Length * 24);
        if (plus)
        {
            builder.Append("plus ");
        }

        for (int i = 0; i < groups.Length; i++)
        {
            if (i > 0)
            {
                builder.Append(", ");
            }

            builder.Append(NumberWords.Digits(groups[i]));
        }

        return builder.ToString();
    }

    private static bool AllDigits(ReadOnlySpan<char> text)
    {
        foreach (char c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return text.Length > 0;
    }
}
