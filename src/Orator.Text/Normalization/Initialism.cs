namespace Orator.Text.Normalization;

/// <summary>Reads letters written with stops or joined by an ampersand: "U.S." as "U S", "Ph.D." as "P H D", "R&amp;D" as "R and D".</summary>
internal static class Initialism
{
    public static bool TrySpeak(string core, bool dotted, out string spoken)
    {
        spoken = string.Empty;
        if (core.Length is < 3 or > 24)
        {
            return false;
        }

        if (core is "Ph.D" && dotted)
        {
            spoken = "P H D";
            return true;
        }

        int ampersand = core.IndexOf('&', StringComparison.Ordinal);
        if (ampersand > 0 && ampersand < core.Length - 1 && IsUpperRun(core.AsSpan(0, ampersand)) && IsUpperRun(core.AsSpan(ampersand + 1)))
        {
            spoken = Letters(core.AsSpan(0, ampersand)) + " and " + Letters(core.AsSpan(ampersand + 1));
            return true;
        }

        // Alternating letter, stop, letter: "U.S", "U.K", "e.g" is caught earlier as an abbreviation.
        if (core.Length % 2 == 0)
        {
            return false;
        }

        for (int i = 0; i < core.Length; i++)
        {
            bool letterPlace = i % 2 == 0;
            if (letterPlace ? !char.IsAsciiLetter(core[i]) : core[i] != '.')
            {
                return false;
            }
        }

        spoken = Letters(core.AsSpan()).ToUpperInvariant();
        return true;
    }

    private static bool IsUpperRun(ReadOnlySpan<char> text) => text.Length is >= 1 and <= 4 && text.IndexOfAnyExceptInRange('A', 'Z') < 0;

    private static string Letters(ReadOnlySpan<char> text)
    {
        var builder = new System.Text.StringBuilder(text.Length * 2);
        foreach (char c in text)
        {
            if (char.IsAsciiLetter(c))
            {
                if (builder.Length > 0)
                {
                    builder.Append(' ');
                }

                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
