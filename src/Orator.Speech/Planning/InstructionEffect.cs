namespace Orator.Speech.Planning;

/// <summary>
/// What a request's <c>instructions</c> asked for that Orator can honour locally, as multipliers
/// on tempo, pitch, loudness and pauses, plus the cues it applied and the text it could not use.
/// </summary>
public sealed record InstructionEffect(float Rate, float Pitch, float Gain, float PauseScale, IReadOnlyList<string> Applied, IReadOnlyList<string> Ignored)
{
    /// <summary>No instructions, or none understood.</summary>
    public static InstructionEffect None { get; } = new(1f, 1f, 1f, 1f, [], []);

    /// <summary>The value of the <c>x-orator-instructions</c> response header (ASCII, bounded).</summary>
    public string ToHeader()
    {
        var applied = Applied.Count == 0 ? "none" : string.Join(',', Applied);
        var header = $"applied={applied}";
        if (Ignored.Count > 0)
        {
            var ignored = string.Join("; ", Ignored);
            header += $"; ignored=\"{Ascii(ignored, 200)}\"";
        }

        return header;
    }

    private static string Ascii(string text, int max)
    {
        var chars = text.Take(max).Select(c => c is >= ' ' and <= '~' && c != '"' ? c : '?').ToArray();
        return new string(chars) + (text.Length > max ? "..." : "");
    }
}
