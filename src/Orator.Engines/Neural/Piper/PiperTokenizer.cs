using System.Globalization;
using Orator.Engines.Neural.Phonemes;

namespace Orator.Engines.Neural.Piper;

/// <summary>
/// Phonemes to Piper ids: <c>^</c>, <c>_</c>, then each phoneme's ids followed by the pad
/// <c>_</c>, then <c>$</c>. Phonemes are the code points of the NFD-normalised IPA (so combining
/// marks are phonemes of their own); ones missing from the voice's map are dropped.
/// </summary>
public sealed class PiperTokenizer(PiperVoiceConfig config)
{
    private const string Pad = "_";
    private const string Bos = "^";
    private const string Eos = "$";

    /// <summary>The framed ids of <paramref name="phonemes"/>.</summary>
    public long[] Tokenize(string phonemes)
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
                ids.AddRange(phonemeIds);
                ids.AddRange(pad);
            }
        }

        ids.AddRange(Ids(Eos));
        return [.. ids];
    }

    private long[] Ids(string symbol) =>
        config.PhonemeIds.TryGetValue(symbol, out var ids)
            ? ids
            : throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"The Piper voice's phoneme_id_map has no '{symbol}'."));
}
