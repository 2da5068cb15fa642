namespace Orator.Speech.Catalog;

/// <summary>
/// The built-in table from the 13 OpenAI voice names to Flite voices. Flite has five voices, so
/// names sharing one get distinct pitch and tempo. Configuration (<c>Orator:Voices</c>) overrides
/// any entry; the README shows this table.
/// </summary>
public static class DefaultVoiceMap
{
    /// <summary>The OpenAI voice names, in the reference's order.</summary>
    public static IReadOnlyList<string> OpenAiVoiceNames { get; } =
        ["alloy", "ash", "ballad", "coral", "echo", "fable", "onyx", "nova", "sage", "shimmer", "verse", "marin", "cedar"];

    /// <summary>Name to mapping.</summary>
    public static IReadOnlyDictionary<string, VoiceMapping> Entries { get; } = new Dictionary<string, VoiceMapping>(StringComparer.OrdinalIgnoreCase)
    {
        ["alloy"] = new() { Voice = "flite:slt", Pitch = 1.00f, Rate = 1.00f, Gender = "female" },
        ["nova"] = new() { Voice = "flite:slt", Pitch = 1.14f, Rate = 1.06f, Gender = "female" },
        ["shimmer"] = new() { Voice = "flite:slt", Pitch = 1.28f, Rate = 1.00f, Gender = "female" },
        ["coral"] = new() { Voice = "flite:slt", Pitch = 1.07f, Rate = 0.90f, Gender = "female" },
        ["sage"] = new() { Voice = "flite:slt", Pitch = 0.90f, Rate = 0.94f, Gender = "female" },
        ["marin"] = new() { Voice = "flite:slt", Pitch = 0.82f, Rate = 1.10f, Gender = "female" },
        ["echo"] = new() { Voice = "flite:rms", Pitch = 1.00f, Rate = 1.00f, Gender = "male" },
        ["onyx"] = new() { Voice = "flite:rms", Pitch = 0.82f, Rate = 0.94f, Gender = "male" },
        ["ash"] = new() { Voice = "flite:rms", Pitch = 1.15f, Rate = 1.08f, Gender = "male" },
        ["fable"] = new() { Voice = "flite:awb", Pitch = 1.00f, Rate = 1.00f, Gender = "male" },
        ["ballad"] = new() { Voice = "flite:awb", Pitch = 1.15f, Rate = 0.90f, Gender = "male" },
        ["verse"] = new() { Voice = "flite:kal16", Pitch = 1.00f, Rate = 1.00f, Gender = "male" },
        ["cedar"] = new() { Voice = "flite:kal16", Pitch = 0.85f, Rate = 0.92f, Gender = "male" },
    };
}
