using System.Text;

namespace Orator.Text.Normalization;

/// <summary>Reads web addresses and e-mail addresses: "https://ex.com/docs" as "ex dot com slash docs", "jo@ex.com" as "jo at ex dot com".</summary>
internal static class WebAddress
{
    private static readonly HashSet<string> s_topLevelDomains = new(StringComparer.OrdinalIgnoreCase)
    {
        "com", "org", "net", "edu", "gov", "mil", "int", "io", "co", "uk", "us", "ca", "au", "de", "fr", "es", "it", "nl",
        "eu", "in", "jp", "cn", "ru", "br", "info", "biz", "dev", "app", "ai", "me", "tv", "ly", "gl", "xyz", "tech", "news", "shop", "blog", "ie", "nz",
    };

    public static bool TrySpeak(string core, EnglishLocale locale, out string spoken)
    {
        spoken = string.Empty;
        if (core.Length < 4 || core.Length > 2048)
        {
            return false;
        }

        int at = core.IndexOf('@', StringComparison.Ordinal);
        if (at > 0)
        {
            return TrySpeakEmail(core, at, locale, out spoken);
        }

        string rest = core;
        bool explicitScheme = false;
        foreach (string scheme in (ReadOnlySpan<string>)["https://", "http://", "ftp://"])
        {
            if (rest.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
            {
                rest = rest[scheme.Length..];
                explicitScheme = true;
                break;
            }
        }

        int pathStart = rest.IndexOfAny(['/', '?', '#']);
        string host = pathStart < 0 ? rest : rest[..pathStart];
        bool www = host.StartsWith("www.", StringComparison.OrdinalIgnoreCase);
        if (!IsHost(host) || (!explicitScheme && !www && !HasKnownDomain(host)))
        {
            return false;
        }

        var builder = new StringBuilder(core.Length * 3);
        AppendHost(builder, host, locale);
        if (pathStart >= 0)
        {
            // The query and fragment are noise to a listener; the path says where to go.
            int queryStart = rest.IndexOfAny(['?', '#'], pathStart);
            string path = queryStart < 0 ? rest[pathStart..] : rest[pathStart..queryStart];
            foreach (string segment in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
            {
                builder.Append(" slash ");
                AppendPart(builder, segment, locale);
            }
        }

        spoken = builder.ToString();
        return true;
    }

    private static bool TrySpeakEmail(string core, int at, EnglishLocale locale, out string spoken)
    {
        spoken = string.Empty;
        string local = core[..at];
        string domain = core[(at + 1)..];
        if (!IsHost(domain) || !HasKnownDomain(domain))
        {
            return false;
        }

        foreach (char c in local)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('.' or '_' or '-' or '+'))
            {
                return false;
            }
        }

        var builder = new StringBuilder(core.Length * 3);
        AppendPart(builder, local, locale);
        builder.Append(" at ");
        AppendHost(builder, domain, locale);
        spoken = builder.ToString();
        return true;
    }

    private static bool IsHost(string host)
    {
        if (host.Length < 3 || !host.Contains('.', StringComparison.Ordinal) || host[0] == '.' || host[^1] == '.'
            || host.Contains("..", StringComparison.Ordinal))
        {
            return false;
        }

        foreach (char c in host)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('.' or '-'))
            {
                return false;
            }
        }

        return true;
    }

    private static bool HasKnownDomain(string host) => s_topLevelDomains.Contains(host[(host.LastIndexOf('.') + 1)..]);

    private static void AppendHost(StringBuilder builder, string host, EnglishLocale locale)
    {
        string[] labels = host.Split('.');
        for (int i = 0; i < labels.Length; i++)
        {
            if (i > 0)
            {
                builder.Append(" dot ");
            }

            if (labels[i].Equals("www", StringComparison.OrdinalIgnoreCase))
            {
                builder.Append("w w w");
            }
            else
            {
                AppendPart(builder, labels[i], locale);
            }
        }
    }

    /// <summary>Reads one label or path segment: letters as they are, numbers as words, separators by name.</summary>
    private static void AppendPart(StringBuilder builder, string part, EnglishLocale locale)
    {
        int i = 0;
        while (i < part.Length)
        {
            char c = part[i];
            if (char.IsAsciiDigit(c))
            {
                int start = i;
                while (i < part.Length && char.IsAsciiDigit(part[i]))
                {
                    i++;
                }

                Separate(builder);
                string digits = part[start..i];
                builder.Append(digits.Length <= 4 && digits[0] != '0' ? NumberWords.Cardinal(long.Parse(digits, System.Globalization.CultureInfo.InvariantCulture), locale) : NumberWords.Digits(digits));
                continue;
            }

            string? name = c switch
            {
                '.' => "dot",
                '-' => "dash",
                '_' => "underscore",
                '+' => "plus",
                '~' => "tilde",
                '=' => "equals",
                '&' => "and",
                '%' => "percent",
                ':' => "colon",
                _ => null,
            };
            if (name is not null)
            {
                Separate(builder);
                builder.Append(name);
            }
            else if (char.IsLetter(c))
            {
                if (i > 0 && !char.IsLetter(part[i - 1]))
                {
                    Separate(builder);
                }

                builder.Append(c);
            }

            i++;
        }
    }

    private static void Separate(StringBuilder builder)
    {
        if (builder.Length > 0 && builder[^1] != ' ')
        {
            builder.Append(' ');
        }
    }
}
