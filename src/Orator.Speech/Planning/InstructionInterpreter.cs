using System.Text.RegularExpressions;

namespace Orator.Speech.Planning;

/// <summary>
/// Maps the free-text <c>instructions</c> field onto prosody Orator can apply itself: a documented
/// vocabulary of tempo, pitch, loudness, pause and mood words (README, "Instructions"). Each
/// clause is matched on its own; clauses with no known cue are reported as ignored, never
/// silently dropped. "very"/"much"/"extremely" strengthen a cue, "slightly"/"a bit" soften it.
/// </summary>
internal static partial class InstructionInterpreter
{
    private sealed record Cue(string Name, Regex Pattern, float Rate, float Pitch, float Gain, float Pause);

    private static readonly Cue[] Cues =
    [
        new("whisper", Words("whisper|whispering|whispered|whispery"), 0.92f, 1f, 0.45f, 1f),
        new("slower", Words("slow|slower|slowly|unhurried|leisurely|deliberate|deliberately"), 0.8f, 1f, 1f, 1f),
        new("faster", Words("fast|faster|quick|quickly|rapid|rapidly|brisk|briskly|hurried|speedy"), 1.25f, 1f, 1f, 1f),
        new("higher", Words("higher|high-pitched|high pitch|higher pitch|squeaky|bright|brighter"), 1f, 1.15f, 1f, 1f),
        new("lower", Words("lower|deeper|deep|low-pitched|low pitch|lower pitch|bass|baritone|gravelly"), 1f, 0.87f, 1f, 1f),
        new("softer", Words("soft|softer|softly|quiet|quieter|quietly|gentle|gently|hushed"), 1f, 1f, 0.6f, 1f),
        new("louder", Words("loud|louder|loudly|shout|shouting|projecting|booming"), 1f, 1f, 1.5f, 1f),
        new("calm", Words("calm|calmly|relaxed|soothing|serene|peaceful|tranquil|meditative"), 0.9f, 0.96f, 0.9f, 1.3f),
        new("excited", Words("excited|excitedly|energetic|enthusiastic|enthusiastically|cheerful|cheerfully|happy|upbeat|lively|thrilled"), 1.1f, 1.08f, 1.1f, 0.85f),
        new("sad", Words("sad|sadly|somber|sombre|melancholy|gloomy|mournful"), 0.88f, 0.93f, 0.85f, 1.2f),
        new("serious", Words("serious|seriously|formal|formally|authoritative|professional"), 0.95f, 0.97f, 1f, 1.1f),
        new("pauses", Words("pause|pauses|pausing|dramatic|dramatically|suspense"), 1f, 1f, 1f, 2f),
    ];

    /// <summary>Reads <paramref name="instructions"/> (null = none).</summary>
    public static InstructionEffect Interpret(string? instructions)
    {
        if (string.IsNullOrWhiteSpace(instructions))
        {
            return InstructionEffect.None;
        }

        float rate = 1f, pitch = 1f, gain = 1f, pause = 1f;
        var applied = new List<string>();
        var ignored = new List<string>();
        foreach (var clause in ClauseSeparator().Split(instructions))
        {
            var text = clause.Trim();
            if (text.Length == 0)
            {
                continue;
            }

            var strength = Stronger().IsMatch(text) ? 1.6f : Weaker().IsMatch(text) ? 0.5f : 1f;
            var matched = false;
            foreach (var cue in Cues)
            {
                if (!cue.Pattern.IsMatch(text))
                {
                    continue;
                }

                matched = true;
                rate *= Scale(cue.Rate, strength);
                pitch *= Scale(cue.Pitch, strength);
                gain *= Scale(cue.Gain, strength);
                pause *= Scale(cue.Pause, strength);
                if (!applied.Contains(cue.Name))
                {
                    applied.Add(cue.Name);
                }
            }

            if (!matched)
            {
                ignored.Add(text);
            }
        }

        return new InstructionEffect(
            Math.Clamp(rate, 0.5f, 2f),
            Math.Clamp(pitch, 0.6f, 1.6f),
            Math.Clamp(gain, 0.2f, 2.5f),
            Math.Clamp(pause, 0.25f, 4f),
            applied,
            ignored);
    }

    /// <summary>Strengthens or softens a multiplier in the log domain (so 0.8 "very" becomes ~0.7).</summary>
    private static float Scale(float factor, float strength) => factor == 1f ? 1f : MathF.Pow(factor, strength);

    private static Regex Words(string alternatives) =>
        new($@"\b(?:{alternatives})\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(50));

    [GeneratedRegex(@"[.;,\n!?]+|\band\b|\bbut\b|\bwith\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ClauseSeparator();

    [GeneratedRegex(@"\b(?:very|much|extremely|really|super|so)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Stronger();

    [GeneratedRegex(@"\b(?:slightly|a bit|a little|somewhat)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Weaker();
}
