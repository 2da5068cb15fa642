namespace Orator.Text.Normalization;

/// <summary>Expands common abbreviations written with a full stop ("Dr.", "etc.", "e.g.").</summary>
internal static class Abbreviation
{
    private static readonly Dictionary<string, string> s_fixed = new(StringComparer.Ordinal)
    {
        ["Mr"] = "Mister",
        ["Mrs"] = "Missus",
        ["Ms"] = "Miz",
        ["Prof"] = "Professor",
        ["vs"] = "versus",
        ["e.g"] = "for example",
        ["i.e"] = "that is",
        ["approx"] = "approximately",
        ["Mt"] = "Mount",
    };

    /// <summary>Abbreviations that may close a sentence, so their full stop is kept when a capital or the end follows.</summary>
    private static readonly Dictionary<string, string> s_sentenceFinal = new(StringComparer.Ordinal)
    {
        ["etc"] = "et cetera",
        ["Jr"] = "Junior",
        ["Sr"] = "Senior",
        ["Inc"] = "Incorporated",
        ["Ltd"] = "Limited",
    };

    /// <summary>Expands <paramref name="core"/> (written without its full stop); <paramref name="keepStop"/> says whether the stop also ends a sentence.</summary>
    public static bool TryExpand(string core, WordToken? next, out string spoken, out bool keepStop)
    {
        bool nextIsCapitalOrEnd = next is null || next.Value.StartsUpper;
        bool nextIsCapital = next is not null && next.Value.StartsUpper;
        keepStop = false;
        if (s_fixed.TryGetValue(core, out string? expansion))
        {
            spoken = expansion;
            return true;
        }

        if (s_sentenceFinal.TryGetValue(core, out expansion))
        {
            spoken = expansion;
            keepStop = nextIsCapitalOrEnd;
            return true;
        }

        // Before a name these are titles; otherwise they are street types and may end the sentence.
        (spoken, keepStop) = core switch
        {
            "Dr" => nextIsCapital ? ("Doctor", false) : ("Drive", nextIsCapitalOrEnd),
            "St" => nextIsCapital ? ("Saint", false) : ("Street", nextIsCapitalOrEnd),
            "No" when next is not null && next.Value.Core.Length > 0 && char.IsAsciiDigit(next.Value.Core[0]) => ("number", false),
            _ => (string.Empty, false),
        };
        return spoken.Length > 0;
    }
}
