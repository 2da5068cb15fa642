using Orator.Core.Engines;
using Orator.Engines.Neural.Kokoro;
using Orator.Speech.Errors;

namespace Orator.Speech.Catalog;

/// <summary>
/// The <c>lang_code</c> request field (Kokoro-FastAPI's): the language a resolved voice speaks in.
/// A code is one of Kokoro's letters (<c>a</c> en-US, <c>b</c> en-GB, <c>e</c> es, <c>f</c> fr-FR,
/// <c>h</c> hi, <c>i</c> it, <c>j</c> ja, <c>p</c> pt-BR, <c>z</c> zh) or a BCP-47 tag (<c>fr</c>,
/// <c>en-GB</c>, case ignored). A language the voice already speaks changes nothing (so
/// <c>lang_code: "a"</c> suits every US English voice); otherwise a Kokoro voice is phonemized in
/// that language (its timbre stays), an espeak-ng voice becomes espeak-ng's voice for that
/// language (for espeak-ng the language is the voice), and any other engine, whose voices each
/// speak one language, is a 400 on <c>lang_code</c>, as is a language the engine lacks.
/// </summary>
public static class LanguageChoice
{
    /// <summary>The most characters a code may have.</summary>
    public const int MaxLength = 35;

    /// <summary>The voice <paramref name="voice"/> becomes under <paramref name="langCode"/>, or the 400 that says why it cannot.</summary>
    public static (ResolvedVoice? Voice, ApiError? Error) Apply(ResolvedVoice voice, string langCode)
    {
        ArgumentNullException.ThrowIfNull(voice);
        ArgumentNullException.ThrowIfNull(langCode);
        if (TagOf(langCode) is not { } tag)
        {
            return (null, ApiError.InvalidRequest(
                $"Invalid value for 'lang_code': '{ErrorText.Shorten(langCode)}' is not a language code. Use one of Kokoro's letters ({string.Join(", ", KokoroLanguage.All.Select(l => $"{l.Prefix} = {l.Tag}"))}) or a language tag such as 'en-GB'.",
                "lang_code",
                "invalid_value"));
        }

        var engineVoice = voice.Voice;
        if (Matches(engineVoice.Language, tag))
        {
            return (voice, null);
        }

        switch (engineVoice.EngineId)
        {
            case EngineIds.Kokoro when (KokoroLanguage.OfTag(tag) ?? KokoroLanguage.All.FirstOrDefault(l => Matches(l.Tag, tag))) is { } kokoro:
                return (voice with { Voice = engineVoice with { Language = kokoro.Tag } }, null);
            case EngineIds.Kokoro:
                return (null, Cannot(voice, tag, $"Kokoro speaks {string.Join(", ", KokoroLanguage.All.Select(l => l.Tag))}."));
            case EngineIds.Espeak:
                var other = voice.Engine.Voices.FirstOrDefault(v => string.Equals(v.Language, tag, StringComparison.OrdinalIgnoreCase))
                    ?? voice.Engine.Voices.FirstOrDefault(v => Matches(v.Language, tag));
                return other is null
                    ? (null, Cannot(voice, tag, "espeak-ng has no voice for that language here."))
                    : (voice with { Voice = other }, null);
            default:
                return (null, Cannot(voice, tag, $"{engineVoice.EngineId} voices each speak one language; use an espeak-ng or Kokoro voice for another."));
        }
    }

    /// <summary>The BCP-47 tag <paramref name="code"/> stands for, or null when it is no language code.</summary>
    public static string? TagOf(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        var trimmed = code.Trim().Replace('_', '-');
        if (trimmed.Length == 1)
        {
            return KokoroLanguage.All.FirstOrDefault(l => l.Prefix == char.ToLowerInvariant(trimmed[0]))?.Tag;
        }

        // Language tags: letters and digits in subtags of 1-8, the first 2-3 letters (en, fr-FR, pt-br, cmn).
        var parts = trimmed.Split('-');
        var wellFormed = trimmed.Length <= MaxLength
            && parts[0].Length is 2 or 3 && parts[0].All(char.IsAsciiLetter)
            && parts.Skip(1).All(p => p.Length is >= 1 and <= 8 && p.All(char.IsAsciiLetterOrDigit));
        return wellFormed ? trimmed : null;
    }

    // The same tag, or the same language where one of the two names no region ("fr" is "fr-FR").
    private static bool Matches(string spoken, string asked)
    {
        if (string.Equals(spoken, asked, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var spokenParts = spoken.Split('-');
        var askedParts = asked.Split('-');
        return string.Equals(spokenParts[0], askedParts[0], StringComparison.OrdinalIgnoreCase) && (spokenParts.Length == 1 || askedParts.Length == 1);
    }

    private static ApiError Cannot(ResolvedVoice voice, string tag, string why) => ApiError.InvalidRequest(
        $"lang_code '{tag}' cannot apply to voice {voice.Voice.QualifiedId}, which speaks {voice.Voice.Language}: {why}",
        "lang_code",
        "invalid_value");
}
