using System.Text;

namespace Orator.Speech.Captions;

/// <summary>
/// Gives each cue its text and its times: from its first word's start to its last word's end, on
/// whole milliseconds (what every format writes), never overlapping the next cue, never empty.
/// </summary>
internal static class CueTimeline
{
    public static CaptionCue[] Place(CaptionTokens tokens, List<CueRange> ranges, CaptionRules rules)
    {
        var cues = new CaptionCue[ranges.Count];
        long minimum = Math.Max(1, Milliseconds(rules.MinCueSeconds));
        long previousEnd = 0;
        var text = new StringBuilder();
        for (int i = 0; i < ranges.Count; i++)
        {
            CueRange range = ranges[i];
            long start = Math.Max(Milliseconds(tokens.Tokens[range.First].Start), previousEnd);
            long end = Math.Max(Milliseconds(tokens.Tokens[range.Last].End), start);
            long next = i + 1 < ranges.Count ? Milliseconds(tokens.Tokens[ranges[i + 1].First].Start) : long.MaxValue;
            if (end > next)
            {
                end = Math.Max(next, start);
            }

            if (end - start < minimum)
            {
                // Lengthen up to the next cue; with no room at all, the next cue starts later instead.
                end = next > start ? Math.Min(start + minimum, Math.Max(next, end)) : start + minimum;
            }

            text.Clear();
            AppendText(tokens, range, text);
            cues[i] = new CaptionCue(start / 1000.0, end / 1000.0, text.ToString());
            previousEnd = end;
        }

        return cues;
    }

    private static void AppendText(CaptionTokens tokens, CueRange range, StringBuilder text)
    {
        if (range.BreakAfter < 0)
        {
            tokens.AppendLine(text, range.First, range.Last);
            return;
        }

        tokens.AppendLine(text, range.First, range.BreakAfter);
        text.Append('\n');
        tokens.AppendLine(text, range.BreakAfter + 1, range.Last);
    }

    /// <summary>Seconds as whole milliseconds, rounded half away from zero; the timeline starts at 0.</summary>
    private static long Milliseconds(double seconds) => Math.Max(0, (long)Math.Round(seconds * 1000, MidpointRounding.AwayFromZero));
}
