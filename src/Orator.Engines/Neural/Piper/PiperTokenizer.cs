using System.Globalization;
using Orator.Engines.Neural.Phonemes;

namespace Orator.Engines.Neural.Piper;

/// <summary>
/// Phonemes to Piper ids: <c>^</c>, <c>_</c>, then each phoneme's ids followed by the pad
/// <c>_</c>, then <c>$</c>. Phonemes are the code points of the NFD-normalised IPA (so combining
/// marks are phonemes of their own); ones missing from the voice's map are dropped. For word
/// timing, each phoneme is a unit of its ids and the pad after them (as piper1-gpl aligns them).
/// </summary>
public sealed class PiperTokenizer(PiperVoiceConfig config)
{
    private const string Pad = "_";
    private const string Bos = "^";
    private const string Eos = "$";

    /// <summary>The framed ids of <paramref name="phonemes"/>.</summary>
    public long[] Tokenize(string phonemes) => Tokenize(phonemes, null);

    /// <summary>The framed ids of <paramref name="phonemes"/>; each phoneme's unit is added to <paramref name="units"/> when given.</summary>
    internal long[] Tokenize(string phonemes, List<PhonemeUnit>? units)
    {
        ArgumentNullException.ThrowIfNull(phonemes);
        var ids = new List<long>(phonemes.Length * 2 + 3);
        var pad = Ids(Pad);
        ids.AddRange(Ids(Bos));
        ids.AddRange(pad);
        foreach (var rune in LatinDecomposition.Decompose(phonemes).EnumerateRunes())
        {
            if (config.PhonemeIds.TryGetValue(rune.ToString(), out var phonemeIds))
            {
                var start = ids.Count;
                ids.AddRange(phonemeIds);
                ids.AddRange(pad);
                units?.Add(new PhonemeUnit(PhonemeKinds.Of(rune), start, ids.Count));
            }
        }

        ids.AddRange(Ids(Eos));
        return [.. ids];
    }

    /// <summary>The sounds among <paramref name="phonemes"/> that the voice's map knows: how its ids count a word.</summary>
    internal int Sounds(string phonemes)
    {
        ArgumentNullException.ThrowIfNull(phonemes);
        var count = 0;
        foreach (var rune in LatinDecomposition.Decompose(phonemes).EnumerateRunes())
        {
            if (PhonemeKinds.Of(rune) == PhonemeKind.Sound && config.PhonemeIds.ContainsKey(rune.ToString()))
            {
                count++;
            }
        }

        return count;
    }

    private long[] Ids(string symbol) =>
        config.PhonemeIds.TryGetValue(symbol, out var ids)
            ? ids
            : throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"The Piper voice's phoneme_id_map has no '{symbol}'."));
}
