using System.Text;

namespace Orator.Text.Normalization;

/// <summary>Reads "#BlackFriday" as "hashtag Black Friday", "@jane_doe" as "at jane doe" and "#5" as "number five".</summary>
internal static class SocialTag
{
    public static bool TrySpeak(string core, EnglishLocale locale, out string spoken)
    {
        spoken = string.Empty;
        if (core.Length < 2 || core.Length > 280 || core[0] is not ('#' or '@'))
        {
            return false;
        }

        string body = core[1..];
        if (core[0] == '#' && NumericLiteral.TryParse(body, out NumericLiteral number) && !number.Negative)
        {
            spoken = "number " + number.Speak(locale);
            return true;
        }

        foreach (char c in body)
        {
            if (!char.IsLetterOrDigit(c) && c != '_')
            {
                return false;
            }
        }

        if (!char.IsLetter(body[0]) && body[0] != '_' && core[0] == '@')
        {
            return false;
        }

        var builder = new StringBuilder(body.Length * 2);
        builder.Append(core[0] == '#' ? "hashtag" : "at");
        for (int i = 0; i < body.Length; i++)
        {
            char c = body[i];
            if (c == '_')
            {
                continue;
            }

            bool boundary = i == 0 || body[i - 1] == '_'
                || (char.IsUpper(c) && char.IsLower(body[i - 1]))
                || (char.IsUpper(c) && i + 1 < body.Length && char.IsLower(body[i + 1]) && char.IsUpper(body[i - 1]))
                || (char.IsAsciiDigit(c) != char.IsAsciiDigit(body[i - 1]));
            if (!char.IsAsciiDigit(c))
            {
                builder.Append(boundary ? " " : string.Empty).Append(c);
                continue;
            }

            int start = i;
            while (i + 1 < body.Length && char.IsAsciiDigit(body[i + 1]))
            {
                i++;
            }

            if (NumericLiteral.TryParse(body.AsSpan(start, i - start + 1), out NumericLiteral digits))
            {
                builder.Append(' ').Append(digits.Speak(locale));
            }
        }

        spoken = builder.ToString();
        return true;
    }
}
