using System.Text;

namespace Orator.Text.Normalization;

/// <summary>Reads version numbers and addresses with several dots: "2.0.1" as "two point zero point one", "v3.2" as "version three point two".</summary>
internal static class DottedNumber
{
    public static bool TrySpeak(string core, EnglishLocale locale, out string spoken)
    {
        spoken = string.Empty;
        bool version = core.Length > 2 && core[0] is 'v' or 'V' && char.IsAsciiDigit(core[1]);
        string body = version ? core[1..] : core;
        string[] parts = body.Split('.');
        if (parts.Length < (version ? 2 : 3) || parts.Length > 8)
        {
            return false;
        }

        var builder = new StringBuilder(body.Length * 8);
        if (version)
        {
            builder.Append("version ");
        }

        for (int i = 0; i < parts.Length; i++)
        {
            string part = parts[i];
            if (part.Length is 0 or > 6 || part.AsSpan().IndexOfAnyExceptInRange('0', '9') >= 0)
            {
                return false;
            }

            if (i > 0)
            {
                builder.Append(" point ");
            }

            builder.Append(part.Length > 1 && part[0] == '0'
                ? NumberWords.Digits(part)
                : NumberWords.Cardinal(long.Parse(part, System.Globalization.CultureInfo.InvariantCulture), locale));
        }

        spoken = builder.ToString();
        return true;
    }
}
