using System.Text;
using System.Text.RegularExpressions;
using Orator.Text.Mapping;

namespace Orator.Text.Normalization;

/// <summary>
/// One markup rule: every match of <see cref="Pattern"/> is replaced by its <see cref="Kept"/> groups,
/// in order, and the rest of the match is dropped; so every character that survives is a copy.
/// </summary>
internal sealed class MarkupPass
{
    public MarkupPass(Regex pattern, params int[] kept)
    {
        Pattern = pattern;
        Kept = kept;
        Replacement = string.Concat(kept.Select(group => "$" + group.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    public Regex Pattern { get; }

    public int[] Kept { get; }

    /// <summary>The same rule as a <see cref="Regex.Replace(string, string)"/> pattern, for the unmapped path.</summary>
    public string Replacement { get; }

    /// <summary>Applies the rule and extends <paramref name="map"/> (the input's map to the source) to the output.</summary>
    public string Apply(string text, ref TextMap map)
    {
        Match match = Pattern.Match(text);
        if (!match.Success)
        {
            return text;
        }

        var output = new StringBuilder(text.Length);
        var runs = new TextMapBuilder();
        int at = 0;
        while (match.Success)
        {
            output.Append(text, at, match.Index - at);
            runs.Copy(at, match.Index - at);
            foreach (int group in Kept)
            {
                Group kept = match.Groups[group];
                if (kept.Success)
                {
                    output.Append(kept.ValueSpan);
                    runs.Copy(kept.Index, kept.Length);
                }
            }

            at = match.Index + match.Length;
            match = match.NextMatch();
        }

        output.Append(text, at, text.Length - at);
        runs.Copy(at, text.Length - at);
        map = TextMapBuilder.Compose(runs.Build(text.Length), map);
        return output.ToString();
    }
}
