namespace Orator.Text.Normalization;

/// <summary>Spoken names for symbols that stand alone between spaces ("salt &amp; pepper", "2 + 2 = 4").</summary>
internal static class SymbolWord
{
    public static string? For(string core) => core switch
    {
        "&" => "and",
        "+" => "plus",
        "=" => "equals",
        "°" => "degrees",
        "%" => "percent",
        "@" => "at",
        "#" => "number",
        "×" => "times",
        "÷" => "divided by",
        "<" => "less than",
        ">" => "greater than",
        "≤" => "at most",
        "≥" => "at least",
        "≠" => "is not equal to",
        "±" => "plus or minus",
        "~" or "≈" => "about",
        "→" or "->" => "to",
        "/" => "or",
        "§" => "section",
        "¶" => "paragraph",
        _ => null,
    };
}
