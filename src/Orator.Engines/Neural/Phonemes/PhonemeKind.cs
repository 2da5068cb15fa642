using System.Globalization;
using System.Text;

namespace Orator.Engines.Neural.Phonemes;

/// <summary>What a phoneme symbol is to word timing: what words are counted and bounded by.</summary>
internal enum PhonemeKind
{
    /// <summary>Space, punctuation or anything else between words: in no word.</summary>
    Boundary,

    /// <summary>A sound (an IPA letter): what a word's phonemes are counted in.</summary>
    Sound,

    /// <summary>A stress mark: belongs to the word of the sound after it.</summary>
    Stress,

    /// <summary>A length mark or combining diacritic: belongs to the word of the sound before it.</summary>
    Length,
}

/// <summary>The <see cref="PhonemeKind"/> of IPA symbols.</summary>
internal static class PhonemeKinds
{
    /// <summary>The kind of one symbol.</summary>
    public static PhonemeKind Of(Rune symbol) => symbol.Value switch
    {
        'ˈ' or 'ˌ' => PhonemeKind.Stress,
        'ː' or 'ˑ' => PhonemeKind.Length,
        _ when Rune.GetUnicodeCategory(symbol) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark => PhonemeKind.Length,
        _ when Rune.IsLetter(symbol) => PhonemeKind.Sound,
        _ => PhonemeKind.Boundary,
    };
}

/// <summary>
/// One phoneme of a model input: its kind and the input tokens it spans, [<paramref name="Start"/>,
/// <paramref name="End"/>) in the framed ids (pads included), so durations index them directly.
/// </summary>
internal readonly record struct PhonemeUnit(PhonemeKind Kind, int Start, int End);
