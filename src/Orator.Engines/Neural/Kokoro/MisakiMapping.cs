namespace Orator.Engines.Neural.Kokoro;

/// <summary>
/// Rewrites espeak-ng IPA into the "misaki" phoneme set Kokoro was trained on: diphthongs and
/// affricates become single symbols, rhotic and rare consonants their nearest trained symbol,
/// syllabic consonants a schwa before the consonant; US English loses length marks, British
/// English gets its own diphthongs. The rules are in ../shared/docs/engines.md.
/// </summary>
public static class MisakiMapping
{
    private const char SyllabicMark = '\u0329';

    // Longest first where one rule's source contains another's.
    private static readonly (string From, string To)[] s_british = [("əʊ", "Q"), ("eə", "ɛː"), ("iə", "ɪə")];

    private static readonly (string From, string To)[] s_common =
    [
        ("aɪ", "I"), ("aʊ", "W"), ("eɪ", "A"), ("oʊ", "O"), ("ɔɪ", "Y"), ("dʒ", "ʤ"), ("tʃ", "ʧ"),
        ("ɚ", "əɹ"), ("r", "ɹ"), ("x", "k"), ("ç", "k"), ("ɐ", "ə"), ("ɬ", "l"),
    ];

    /// <summary>Maps <paramref name="ipa"/> for a voice of <paramref name="language"/>.</summary>
    public static string Apply(string ipa, KokoroLanguage language)
    {
        ArgumentNullException.ThrowIfNull(ipa);
        ArgumentNullException.ThrowIfNull(language);
        var text = ipa.Replace("\u0361", "", StringComparison.Ordinal).Replace("^", "", StringComparison.Ordinal);
        if (language.IsBritish)
        {
            foreach (var (from, to) in s_british)
            {
                text = text.Replace(from, to, StringComparison.Ordinal);
            }
        }

        foreach (var (from, to) in s_common)
        {
            text = text.Replace(from, to, StringComparison.Ordinal);
        }

        if (language.IsAmerican)
        {
            text = text.Replace("ː", "", StringComparison.Ordinal);
        }

        return MoveSyllabicMarks(text);
    }

    /// <summary><c>n̩</c> (consonant + U+0329) becomes <c>ᵊn</c>.</summary>
    private static string MoveSyllabicMarks(string text)
    {
        if (!text.Contains(SyllabicMark, StringComparison.Ordinal))
        {
            return text;
        }

        var output = new System.Text.StringBuilder(text.Length + 4);
        for (var i = 0; i < text.Length; i++)
        {
            if (i + 1 < text.Length && text[i + 1] == SyllabicMark)
            {
                output.Append('ᵊ').Append(text[i]);
                i++;
            }
            else if (text[i] != SyllabicMark)
            {
                output.Append(text[i]);
            }
        }

        return output.ToString();
    }
}
