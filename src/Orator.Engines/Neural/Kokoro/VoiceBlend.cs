using System.Globalization;

namespace Orator.Engines.Neural.Kokoro;

/// <summary>
/// Parses Kokoro voice blends: <c>af_bella(2)+af_sky(1)</c> is two parts Bella, one part Sky.
/// A part without a weight weighs 1; weights are positive numbers and are normalised to sum to 1
/// when the voices are mixed, so <c>a(2)+b(2)</c> equals <c>a+b</c>.
/// </summary>
public static class VoiceBlend
{
    /// <summary>Splits <paramref name="spec"/> into names and weights; false when it is malformed.</summary>
    public static bool TryParse(string spec, out List<(string Name, float Weight)> parts)
    {
        parts = [];
        if (string.IsNullOrWhiteSpace(spec))
        {
            return false;
        }

        foreach (var raw in spec.Split('+'))
        {
            var part = raw.Trim();
            var weight = 1f;
            var open = part.IndexOf('(', StringComparison.Ordinal);
            if (open >= 0)
            {
                if (!part.EndsWith(')') || !float.TryParse(part.AsSpan(open + 1, part.Length - open - 2), NumberStyles.Float, CultureInfo.InvariantCulture, out weight)
                    || !(weight > 0) || !float.IsFinite(weight))
                {
                    return false;
                }

                part = part[..open].Trim();
            }

            if (part.Length == 0 || !part.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
            {
                return false;
            }

            parts.Add((part, weight));
        }

        return parts.Count > 0;
    }
}
