using System.Text;
using Orator.Engines.Neural.Phonemes;

namespace Orator.Engines.Neural.Kokoro;

/// <summary>
/// Phonemes to Kokoro token ids: each character through the vocabulary (unknown ones dropped),
/// then cut into chunks of at most <see cref="MaxTokens"/> ids, preferring to cut after
/// punctuation, then at a space, and only inside a word when a word alone is too long. Each chunk
/// is later framed as <c>[0, ids..., 0]</c>.
/// </summary>
public sealed class KokoroTokenizer(KokoroVocabulary vocabulary)
{
    /// <summary>Most ids between the two pads (the model's 512 positions minus the pads).</summary>
    public const int MaxTokens = 510;

    private const string StrongBreaks = ".!?;:,—…";

    /// <summary>The ids of <paramref name="phonemes"/>, unknown symbols dropped.</summary>
    public List<long> Tokenize(string phonemes)
    {
        ArgumentNullException.ThrowIfNull(phonemes);
        var ids = new List<long>(phonemes.Length);
        foreach (var rune in Symbols(phonemes))
        {
            var id = vocabulary.IdOf(rune.Value);
            if (id >= 0)
            {
                ids.Add(id);
            }
        }

        return ids;
    }

    /// <summary>Tokenizes and cuts into chunks of at most <paramref name="maxTokens"/> ids.</summary>
    public List<long[]> Chunk(string phonemes, int maxTokens = MaxTokens)
    {
        ArgumentNullException.ThrowIfNull(phonemes);
        var ids = new List<long>(phonemes.Length);
        var strong = new List<bool>(phonemes.Length);
        var space = new List<bool>(phonemes.Length);
        foreach (var rune in Symbols(phonemes))
        {
            var id = vocabulary.IdOf(rune.Value);
            if (id < 0)
            {
                continue;
            }

            ids.Add(id);
            strong.Add(rune.IsBmp && StrongBreaks.Contains((char)rune.Value, StringComparison.Ordinal));
            space.Add(rune.Value == ' ');
        }

        var chunks = new List<long[]>();
        var start = 0;
        while (start < ids.Count)
        {
            var end = ids.Count;
            if (end - start > maxTokens)
            {
                end = CutPoint(strong, space, start, start + maxTokens);
            }

            var chunk = ids.GetRange(start, end - start);
            TrimSpaces(chunk);
            if (chunk.Count > 0)
            {
                chunks.Add([.. chunk]);
            }

            start = end;
        }

        return chunks;
    }

    /// <summary>
    /// The symbols of <paramref name="phonemes"/>; a precomposed letter the vocabulary lacks
    /// (espeak-ng's Japanese <c>ä</c>) is decomposed, so its base letter is kept and only the
    /// unknown diacritic dropped.
    /// </summary>
    private IEnumerable<Rune> Symbols(string phonemes)
    {
        foreach (var rune in phonemes.EnumerateRunes())
        {
            if (vocabulary.IdOf(rune.Value) < 0 && rune.IsBmp && LatinDecomposition.Of((char)rune.Value) is { } parts)
            {
                foreach (var part in parts.EnumerateRunes())
                {
                    yield return part;
                }
            }
            else
            {
                yield return rune;
            }
        }
    }

    /// <summary>The exclusive end of a chunk that starts at <paramref name="start"/> and may not pass <paramref name="limit"/>.</summary>
    private static int CutPoint(List<bool> strong, List<bool> space, int start, int limit)
    {
        for (var i = limit - 1; i > start; i--)
        {
            if (strong[i])
            {
                return i + 1;
            }
        }

        for (var i = limit - 1; i > start; i--)
        {
            if (space[i])
            {
                return i + 1;
            }
        }

        return limit;
    }

    private void TrimSpaces(List<long> chunk)
    {
        var spaceId = vocabulary.IdOf(' ');
        while (chunk.Count > 0 && chunk[0] == spaceId)
        {
            chunk.RemoveAt(0);
        }

        while (chunk.Count > 0 && chunk[^1] == spaceId)
        {
            chunk.RemoveAt(chunk.Count - 1);
        }
    }
}
