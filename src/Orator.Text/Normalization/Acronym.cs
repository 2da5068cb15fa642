namespace Orator.Text.Normalization;

/// <summary>
/// Decides how an all-capitals word is read: as letters ("FBI" becomes "F B I"), as a word
/// ("NASA" becomes "Nasa"), or left alone (shouted text, unknown pronounceable words).
/// </summary>
internal static class Acronym
{
    private static readonly System.Buffers.SearchValues<char> s_vowels = System.Buffers.SearchValues.Create("AEIOUY");

    /// <summary>Acronyms said as words; written back in title case so engines do not spell them.</summary>
    private static readonly HashSet<string> s_words = new(StringComparer.Ordinal)
    {
        "NASA", "NATO", "UNESCO", "UNICEF", "OPEC", "FIFA", "UEFA", "NAFTA", "SCUBA", "LASER", "RADAR", "LIDAR", "SONAR",
        "AIDS", "COVID", "GIF", "JPEG", "PIN", "ZIP", "SIM", "RAM", "ROM", "LAN", "WAN", "SWAT", "POTUS", "FLOTUS", "SCOTUS",
        "IKEA", "OSHA", "FEMA", "DARPA", "ASCII", "MIDI", "CERN", "NOAA", "ASEAN", "ANZAC", "SARS", "MERS", "WASP",
        "YOLO", "FOMO", "GIS", "CAPTCHA", "PAC", "SAT", "TOEFL", "NIMBY", "INTERPOL", "BAFTA", "EFTA", "ISA", "NAND",
        "REST", "SPA", "SUV", "UNIX", "LINUX", "JSON", "YAML", "TOML", "WASM", "DOS", "CAD", "AWOL",
    };

    /// <summary>Short capitalised English words that are not acronyms when written in capitals.</summary>
    private static readonly HashSet<string> s_plainWords = new(StringComparer.Ordinal)
    {
        "A", "I", "AN", "AS", "AT", "BE", "BY", "DO", "GO", "HE", "IF", "IN", "IS", "ME", "MY", "NO", "OF", "ON", "OR",
        "SO", "TO", "UP", "WE", "OH", "HI", "THE", "AND", "FOR", "BUT", "NOT", "ALL", "YOU", "ARE", "WAS", "CAN",
        "HAS", "HAD", "HIS", "HER", "ONE", "OUT", "NEW", "NOW", "GET", "SET", "USE", "WHY", "WHO", "HOW", "YES", "OFF",
        "BIG", "HOT", "TOP", "BUY", "FREE", "SALE", "STOP", "HELP", "NOTE", "WARNING", "NEVER", "ONLY", "VERY", "WOW", "LOL",
    };

    /// <summary>Pronounceable-looking acronyms that are nevertheless spelled out.</summary>
    private static readonly HashSet<string> s_letters = new(StringComparer.Ordinal)
    {
        "IEEE", "USDA", "UCLA", "USAF", "EU", "UK", "UAE", "CEO", "CFO", "CTO", "COO", "API", "UI", "IO", "OS", "AI",
        "EST", "EDT", "UTC", "IOU", "ASAP", "AKA", "FAQ", "IPO", "ETA", "USA", "IRA", "OECD", "UEFI", "OLED", "IAEA",
    };

    public static bool TrySpeak(string core, bool shoutedContext, out string spoken)
    {
        spoken = string.Empty;
        if (core.Length is < 2 or > 8)
        {
            return false;
        }

        string suffix = core.EndsWith("'s", StringComparison.Ordinal) ? "'s"
            : core.Length > 2 && core[^1] == 's' && char.IsUpper(core[^2]) ? "s"
            : string.Empty;
        string letters = core[..^suffix.Length];
        if (letters.Length < 2 || !AllUpper(letters) || s_plainWords.Contains(letters))
        {
            return false;
        }

        if (core == "OK")
        {
            spoken = "okay";
            return true;
        }

        if (s_words.Contains(letters))
        {
            spoken = letters[0] + letters[1..].ToLowerInvariant() + suffix;
            return true;
        }

        bool hasVowel = letters.AsSpan().IndexOfAny(s_vowels) >= 0;
        if (shoutedContext && !s_letters.Contains(letters))
        {
            return false;
        }

        if (letters.Length <= 3 || !hasVowel || s_letters.Contains(letters))
        {
            spoken = string.Join(' ', letters.ToCharArray()) + suffix;
            return true;
        }

        return false;
    }

    /// <summary>Whether a neighbouring word is also in capitals, which makes this likely shouting rather than an acronym.</summary>
    public static bool IsShouted(string core) =>
        core.Length >= 2 && AllUpper(core) && core.AsSpan().IndexOfAny(s_vowels) >= 0 && !s_words.Contains(core) && !s_letters.Contains(core);

    private static bool AllUpper(string text)
    {
        foreach (char c in text)
        {
            if (c is < 'A' or > 'Z')
            {
                return false;
            }
        }

        return true;
    }
}
