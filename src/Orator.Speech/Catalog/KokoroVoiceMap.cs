namespace Orator.Speech.Catalog;

/// <summary>
/// The OpenAI voice names on Kokoro, used by <c>tts-1-hd</c>, <c>gpt-4o-mini-tts</c> and the
/// <c>kokoro</c> model when Kokoro is installed. Five names have a Kokoro twin; the others go to
/// the Kokoro voice closest in timbre (README, "Voice table"). <c>tts-1</c> keeps the Flite table.
/// </summary>
public static class KokoroVoiceMap
{
    /// <summary>OpenAI name to Kokoro voice.</summary>
    public static IReadOnlyDictionary<string, string> Entries { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["alloy"] = "af_alloy",
        ["nova"] = "af_nova",
        ["echo"] = "am_echo",
        ["onyx"] = "am_onyx",
        ["fable"] = "bm_fable",
        ["shimmer"] = "af_bella",
        ["coral"] = "af_heart",
        ["sage"] = "af_sarah",
        ["marin"] = "af_kore",
        ["ash"] = "am_adam",
        ["ballad"] = "bm_george",
        ["verse"] = "am_michael",
        ["cedar"] = "am_fenrir",
    };

    /// <summary>The OpenAI models that speak with Kokoro when it is installed.</summary>
    public static IReadOnlyList<string> Models { get; } = ["tts-1-hd", "gpt-4o-mini-tts"];
}
