using System.Globalization;

namespace Orator.Text.Normalization;

/// <summary>Reads numeric dates: "1/5/2024" (month first in the US, day first in Britain) and ISO "2024-01-05".</summary>
internal static class CalendarDate
{
    private static readonly string[] s_months =
    [
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ];

    public static bool IsMonthName(string word) => Array.IndexOf(s_months, word) >= 0;

    /// <summary>"Jan" or "Sept" as the month's full name; null for anything else ("May" needs no expanding).</summary>
    public static string? MonthFromAbbreviation(string word) => word switch
    {
        "Jan" => "January",
        "Feb" => "February",
        "Mar" => "March",
        "Apr" => "April",
        "Jun" => "June",
        "Jul" => "July",
        "Aug" => "August",
        "Sep" or "Sept" => "September",
        "Oct" => "October",
        "Nov" => "November",
        "Dec" => "December",
        _ => null,
    };

    public static bool TrySpeak(string core, EnglishLocale locale, out string spoken)
    {
        spoken = string.Empty;
        string[] slashParts = core.Split('/');
        if (slashParts.Length == 3 && IsNumber(slashParts[0], 1, 2) && IsNumber(slashParts[1], 1, 2) && IsNumber(slashParts[2], 4, 4))
        {
            int first = Parse(slashParts[0]);
            int second = Parse(slashParts[1]);
            return locale == EnglishLocale.Us
                ? TryCompose(second, first, Parse(slashParts[2]), locale, out spoken)
                : TryCompose(first, second, Parse(slashParts[2]), locale, out spoken);
        }

        string[] isoParts = core.Split('-');
        if (isoParts.Length == 3 && IsNumber(isoParts[0], 4, 4) && IsNumber(isoParts[1], 2, 2) && IsNumber(isoParts[2], 2, 2))
        {
            return TryCompose(Parse(isoParts[2]), Parse(isoParts[1]), Parse(isoParts[0]), locale, out spoken);
        }

        return false;
    }

    private static bool TryCompose(int day, int month, int year, EnglishLocale locale, out string spoken)
    {
        spoken = string.Empty;
        if (month is < 1 or > 12 || day is < 1 or > 31)
        {
            return false;
        }

        string dayWords = NumberWords.Ordinal(day, locale);
        string yearWords = YearWords.Speak(year, locale);
        spoken = locale == EnglishLocale.Us
            ? $"{s_months[month - 1]} {dayWords} {yearWords}"
            : $"the {dayWords} of {s_months[month - 1]} {yearWords}";
        return true;
    }

    private static bool IsNumber(string part, int minLength, int maxLength)
    {
        if (part.Length < minLength || part.Length > maxLength)
        {
            return false;
        }

        foreach (char c in part)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    private static int Parse(string digits) => int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);
}
