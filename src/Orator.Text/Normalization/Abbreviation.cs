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
        ["a.k.a"] = "also known as",
        ["incl"] = "including",
        ["avg"] = "average",
        ["Avg"] = "Average",
        ["dept"] = "department",
        ["Dept"] = "Department",
        ["cf"] = "compare",
        ["est"] = "estimated",
        ["Gov"] = "Governor",
        ["Sen"] = "Senator",
        ["Rep"] = "Representative",
        ["Rev"] = "Reverend",
        ["Gen"] = "General",
        ["Capt"] = "Captain",
        ["Lt"] = "Lieutenant",
        ["Sgt"] = "Sergeant",
        ["Col"] = "Colonel",
        ["Pres"] = "President",
        ["Hon"] = "Honourable",
        ["Fig"] = "Figure",
        ["fig"] = "figure",
        ["Vol"] = "Volume",
        ["vol"] = "volume",
        ["pp"] = "pages",
        ["Ch"] = "Chapter",
        ["Sec"] = "Section",
    };

    /// <summary>Abbreviations that may close a sentence, so their full stop is kept when a capital or the end follows.</summary>
    private static readonly Dictionary<string, string> s_sentenceFinal = new(StringComparer.Ordinal)
    {
        ["etc"] = "et cetera",
        ["Jr"] = "Junior",
        ["Sr"] = "Senior",
        ["Inc"] = "Incorporated",
        ["Ltd"] = "Limited",
        ["Corp"] = "Corporation",
        ["Co"] = "Company",
        ["Bros"] = "Brothers",
        ["Ave"] = "Avenue",
        ["Blvd"] = "Boulevard",
        ["Rd"] = "Road",
        ["Ln"] = "Lane",
        ["Hwy"] = "Highway",
        ["Sq"] = "Square",
        ["Pl"] = "Place",
        ["Ct"] = "Court",
        ["Apt"] = "Apartment",
        ["al"] = "al",
    };

    /// <summary>Titles written without a stop, as British style does: expanded only before a capitalised name.</summary>
    private static readonly Dictionary<string, string> s_undottedTitles = new(StringComparer.Ordinal)
    {
        ["Dr"] = "Doctor",
        ["Mr"] = "Mister",
        ["Mrs"] = "Missus",
        ["Ms"] = "Miz",
        ["St"] = "Saint",
        ["Prof"] = "Professor",
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
            "No" or "no" when next is not null && next.Value.Core.Length > 0 && char.IsAsciiDigit(next.Value.Core[0]) => ("number", false),
            _ => (string.Empty, false),
        };
        return spoken.Length > 0;
    }

    /// <summary>"Dr Smith" (no stop) as "Doctor Smith"; "w/" and "w/o" as "with" and "without".</summary>
    public static bool TryExpandUndotted(string core, WordToken? next, out string spoken)
    {
        spoken = core switch
        {
            "w/" => "with",
            "w/o" => "without",
            "b/c" => "because",
            "&c" => "et cetera",
            _ => next is { } following && following.StartsUpper && following.Leading.Length == 0
                && s_undottedTitles.TryGetValue(core, out string? title) ? title : string.Empty,
        };
        return spoken.Length > 0;
    }
}
