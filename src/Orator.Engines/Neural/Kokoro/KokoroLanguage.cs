namespace Orator.Engines.Neural.Kokoro;

/// <summary>
/// The language of a Kokoro voice, from the first letter of its name (<c>af_heart</c> = American
/// English): the espeak-ng language that phonemizes it and the BCP-47 tag it is listed with.
/// </summary>
/// <param name="Prefix">The voice name's first letter.</param>
/// <param name="Espeak">espeak-ng language name.</param>
/// <param name="Tag">BCP-47 tag.</param>
public sealed record KokoroLanguage(char Prefix, string Espeak, string Tag)
{
    private static readonly KokoroLanguage[] s_all =
    [
        new('a', "en-us", "en-US"),
        new('b', "en-gb", "en-GB"),
        new('e', "es", "es"),
        new('f', "fr-fr", "fr-FR"),
        new('h', "hi", "hi"),
        new('i', "it", "it"),
        new('p', "pt-br", "pt-BR"),
        new('j', "ja", "ja"),
        new('z', "cmn", "zh"),
    ];

    /// <summary>True for American English, whose length marks are removed (they make US voices sound British).</summary>
    public bool IsAmerican => Prefix == 'a';

    /// <summary>True for British English, which has its own diphthong symbols.</summary>
    public bool IsBritish => Prefix == 'b';

    /// <summary>Every language Kokoro speaks, in its lang-code order.</summary>
    public static IReadOnlyList<KokoroLanguage> All => s_all;

    /// <summary>The language whose BCP-47 tag is <paramref name="tag"/> (case ignored), or null.</summary>
    public static KokoroLanguage? OfTag(string tag) =>
        string.IsNullOrEmpty(tag) ? null : Array.Find(s_all, l => string.Equals(l.Tag, tag, StringComparison.OrdinalIgnoreCase));

    /// <summary>The language of <paramref name="voice"/>, or null when its prefix is not a Kokoro language.</summary>
    public static KokoroLanguage? Of(string voice) =>
        string.IsNullOrEmpty(voice) ? null : Array.Find(s_all, l => l.Prefix == char.ToLowerInvariant(voice[0]));
}
