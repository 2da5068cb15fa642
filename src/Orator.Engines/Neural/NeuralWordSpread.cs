using Orator.Core.Audio;
using Orator.Engines.Neural.Phonemes;
using Orator.Engines.Words;

namespace Orator.Engines.Neural;

/// <summary>
/// Word timings for a model that says nothing about where its words are: a segment's audio is
/// spread over its words in proportion to each word's phoneme count, with a short share after a
/// word that ends in punctuation (the model pauses there) that belongs to no word. A segment made
/// in several chunks spreads each chunk's audio over the part of the segment its tokens cover.
/// Every entry is <see cref="WordTiming.Approximate"/>.
/// </summary>
internal sealed class NeuralWordSpread
{
    private const double ClausePause = 2;
    private const double SentencePause = 4;

    private readonly WordToken[] _words;
    private readonly double[] _starts;
    private readonly double[] _ends;
    private readonly double[] _chunkStarts;
    private int _next;

    private NeuralWordSpread(WordToken[] words, double[] starts, double[] ends, double[] chunkStarts)
    {
        _words = words;
        _starts = starts;
        _ends = ends;
        _chunkStarts = chunkStarts;
    }

    /// <summary>
    /// Weighs the words of <paramref name="text"/>, phonemizing each alone in <paramref name="language"/>;
    /// <paramref name="chunkTokens"/> are the token counts of the segment's chunks, in order.
    /// </summary>
    public static NeuralWordSpread Create(string text, IPhonemizer phonemizer, string language, IReadOnlyList<int> chunkTokens)
    {
        var words = WordTokens.Split(text);
        var weights = new int[words.Length];
        for (var i = 0; i < words.Length; i++)
        {
            weights[i] = PhonemeCount(phonemizer.Phonemize(text.Substring(words[i].Offset, words[i].Length), language));
        }

        return Create(text, words, weights, chunkTokens);
    }

    /// <summary>
    /// Spreads chunks of <paramref name="chunkTokens"/> tokens over <paramref name="words"/> of
    /// <paramref name="text"/> (a run of its words, in order) weighed by <paramref name="weights"/>
    /// (phoneme counts; at least 1 each is used).
    /// </summary>
    public static NeuralWordSpread Create(string text, ReadOnlySpan<WordToken> words, ReadOnlySpan<int> weights, IReadOnlyList<int> chunkTokens)
    {
        var starts = new double[words.Length];
        var ends = new double[words.Length];
        double total = 0;
        for (var i = 0; i < words.Length; i++)
        {
            starts[i] = total;
            total += Math.Max(1, weights[i]);
            ends[i] = total;
            total += PauseAfter(text, words[i]);
        }

        // Positions as fractions of the segment; chunks as fractions of its tokens.
        for (var i = 0; i < words.Length; i++)
        {
            starts[i] /= Math.Max(1, total);
            ends[i] /= Math.Max(1, total);
        }

        var tokens = Math.Max(1, chunkTokens.Sum());
        var chunkStarts = new double[chunkTokens.Count + 1];
        for (var c = 0; c < chunkTokens.Count; c++)
        {
            chunkStarts[c + 1] = chunkStarts[c] + ((double)chunkTokens[c] / tokens);
        }

        chunkStarts[^1] = 1;
        return new NeuralWordSpread(words.ToArray(), starts, ends, chunkStarts);
    }

    /// <summary>
    /// Reports the words that start in chunk <paramref name="chunk"/>, which is about to be written
    /// as <paramref name="samples"/> samples from sample <paramref name="firstSample"/> of the
    /// segment. A word running on past the chunk ends with it (the next chunk's length is not known yet).
    /// </summary>
    public async ValueTask ReportChunkAsync(IWordTimingSink sink, int segment, int chunk, long firstSample, int samples, CancellationToken cancellationToken)
    {
        var from = _chunkStarts[chunk];
        var to = _chunkStarts[chunk + 1];
        var last = chunk + 2 == _chunkStarts.Length;
        var scale = samples / Math.Max(1e-9, to - from);
        while (_next < _words.Length && (last || _starts[_next] < to))
        {
            var word = _words[_next++];
            var start = firstSample + (long)Math.Round((Math.Max(_starts[_next - 1], from) - from) * scale);
            var end = firstSample + (long)Math.Round((Math.Min(_ends[_next - 1], to) - from) * scale);
            start = Math.Clamp(start, firstSample, firstSample + samples);
            end = Math.Clamp(end, start, firstSample + samples);
            await sink.WordAsync(new WordTiming(segment, word.Offset, word.Length, start, end, Approximate: true), cancellationToken);
        }
    }

    /// <summary>Letters of IPA that are sounds: stress, length and tone marks, spaces and punctuation are not.</summary>
    public static int PhonemeCount(string ipa)
    {
        var count = 0;
        foreach (var c in ipa)
        {
            if (char.IsLetter(c) && c is not ('ˈ' or 'ˌ' or 'ː' or 'ˑ'))
            {
                count++;
            }
        }

        return count;
    }

    private static double PauseAfter(string text, WordToken word)
    {
        for (var i = word.End; i < word.TokenEnd; i++)
        {
            switch (text[i])
            {
                case '.' or '!' or '?' or '…':
                    return SentencePause;
                case ',' or ';' or ':' or '—' or '–':
                    return ClausePause;
            }
        }

        return 0;
    }
}
