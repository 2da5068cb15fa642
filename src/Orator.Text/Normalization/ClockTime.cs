namespace Orator.Text.Normalization;

/// <summary>Reads clock times: "3:30pm" as "three thirty p m", "15:45" as "fifteen forty-five", "10:00" as "ten o'clock".</summary>
internal static class ClockTime
{
    /// <summary>Returns "a m" or "p m" for am/pm/a.m./p.m. in any case, or null.</summary>
    public static string? Meridiem(ReadOnlySpan<char> text)
    {
        Span<char> letters = stackalloc char[2];
        int count = 0;
        foreach (char c in text)
        {
            if (c == '.')
            {
                continue;
            }

            if (count == 2)
            {
                return null;
            }

            letters[count++] = char.ToLowerInvariant(c);
        }

        if (count != 2 || letters[1] != 'm')
        {
            return null;
        }

        return letters[0] switch
        {
            'a' => "a m",
            'p' => "p m",
            _ => null,
        };
    }

    /// <summary>Reads "H:MM" with an optional attached meridiem; <paramref name="nextMeridiem"/> is one in the next word, if any.</summary>
    public static bool TrySpeak(string core, string? nextMeridiem, out string spoken, out bool usedNext)
    {
        spoken = string.Empty;
        usedNext = false;
        int colon = core.IndexOf(':', StringComparison.Ordinal);
        if (colon is < 1 or > 2 || core.Length < colon + 3
            || !AllDigits(core.AsSpan(0, colon)) || !AllDigits(core.AsSpan(colon + 1, 2)))
        {
            return false;
        }

        int hour = int.Parse(core.AsSpan(0, colon), System.Globalization.CultureInfo.InvariantCulture);
        int minute = int.Parse(core.AsSpan(colon + 1, 2), System.Globalization.CultureInfo.InvariantCulture);
        string? meridiem = null;
        if (core.Length > colon + 3)
        {
            meridiem = Meridiem(core.AsSpan(colon + 3));
            if (meridiem is null)
            {
                return false;
            }
        }
        else if (nextMeridiem is not null)
        {
            meridiem = nextMeridiem;
            usedNext = true;
        }

        if (hour > 23 || minute > 59 || (meridiem is not null && hour is 0 or > 12))
        {
            return false;
        }

        string hourWords = NumberWords.BelowHundred(hour);
        string minuteWords = minute switch
        {
            0 when meridiem is not null => string.Empty,
            0 when hour is 0 or > 12 => " hundred",
            0 => " o'clock",
            < 10 => " oh " + NumberWords.Digit(minute),
            _ => " " + NumberWords.BelowHundred(minute),
        };
        spoken = hourWords + minuteWords + (meridiem is null ? string.Empty : " " + meridiem);
        return true;
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

        return true;
    }
}
