using System.Runtime.InteropServices;
using Orator.Core.Engines;
using Orator.Engines.EspeakNg.Interop;

namespace Orator.Engines.EspeakNg;

/// <summary>
/// Reads espeak-ng's voice list. Each voice is named by its first language ("en-gb", "fr-fr",
/// "cmn"); when two voices share one (Cantonese and Cantonese-as-Jyutping are both "yue"), the
/// later one is named after its voice file instead ("yue-latn-jyutping").
/// </summary>
internal static unsafe class EspeakVoiceCatalog
{
    /// <summary>
    /// Tempo multipliers espeak-ng honours: 80 words per minute is its floor (slower requests are
    /// clamped), and above 450 its built-in sonic speed-up keeps durations in proportion (measured
    /// to 8x; 4x is all the API needs).
    /// </summary>
    public static readonly RateRange Rates = new(EspeakProsody.MinimumWordsPerMinute / EspeakProsody.NormalWordsPerMinute, 4f);

    /// <summary>Lists every voice (not variants) at <paramref name="sampleRate"/>.</summary>
    public static List<EspeakVoiceEntry> Read(int sampleRate)
    {
        var entries = new List<EspeakVoiceEntry>();
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var list = NativeMethods.ListVoices(null);
        if (list == null)
        {
            return entries;
        }

        for (var item = list; *item != null; item++)
        {
            var voice = *item;
            var identifier = Utf8(voice->Identifier);
            if (string.IsNullOrEmpty(identifier))
            {
                continue;
            }

            var language = FirstLanguage(voice->Languages);
            var fileName = identifier[(identifier.LastIndexOf('/') + 1)..].ToLowerInvariant();
            var nativeName = language is not null && !taken.Contains(language) ? language : fileName;
            if (!taken.Add(nativeName))
            {
                continue;
            }

            var displayName = Utf8(voice->Name) is { Length: > 0 } name ? name : nativeName;
            var engineVoice = new EngineVoice(
                EngineIds.Espeak,
                nativeName,
                EspeakLanguageTag.ToBcp47(language ?? nativeName),
                GenderOf(voice->Gender),
                sampleRate,
                Rates,
                displayName);
            entries.Add(new EspeakVoiceEntry(engineVoice, identifier));
        }

        return entries;
    }

    private static string? FirstLanguage(byte* languages)
    {
        // (priority byte, NUL-terminated name)*, then a NUL where the next priority would be.
        if (languages == null || languages[0] == 0)
        {
            return null;
        }

        var name = Utf8(languages + 1);
        return string.IsNullOrEmpty(name) ? null : name.ToLowerInvariant();
    }

    private static VoiceGender GenderOf(byte gender) => gender switch
    {
        1 => VoiceGender.Male,
        2 => VoiceGender.Female,
        _ => VoiceGender.Unknown,
    };

    private static string? Utf8(byte* text) => text == null ? null : Marshal.PtrToStringUTF8((nint)text);
}
