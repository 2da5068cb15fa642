using Orator.Core.Audio;
using Orator.Engines.Neural.Onnx;
using Orator.Engines.Neural.Phonemes;
using Orator.Engines.Words;

namespace Orator.Engines.Neural;

/// <summary>
/// Word timings from a model's own per-token durations (docs/architecture/timestamps.md). Each word
/// is phonemized alone to learn how many sounds it has; the segment's tokens are handed out to the
/// words in order by those counts, and a word runs from its first sound (with a stress mark before
/// it) to the end of its last (with a length mark after it), placed by the durations: exact words,
/// not <see cref="WordTiming.Approximate"/>. Where the counts do not line up with a chunk's tokens
/// (a word spoken differently in context than alone), that chunk's words are spread as
/// <see cref="NeuralWordSpread"/> does: chunks are matched from the segment's start forwards and
/// from its end backwards, and the chunks in between are spread. A chunk whose durations are
/// missing or do not account for its audio is spread too.
/// </summary>
internal sealed class NeuralWordDurations
{
    // The durations must account for the audio within this share, or they are not in the frames assumed.
    private const double FrameTolerance = 0.05;

    private readonly string _text;
    private readonly WordToken[] _words;
    private readonly int[] _weights;
    private readonly PhonemeUnit[][] _chunks;
    private readonly int[] _framed;
    private readonly int[] _firstWord;
    private readonly int[] _endWord;
    private readonly int[] _startUnit;
    private readonly int[] _endUnit;
    private readonly int _middleStart;
    private readonly int _middleEnd;
    private readonly NeuralWordSpread? _middle;
    private readonly int _samplesPerFrame;
    private readonly int _minFrames;
    private readonly long[] _edges;
    private int _measured = -1;

    private NeuralWordDurations(string text, WordToken[] words, int[] weights, int[] sounds, PhonemeUnit[][] chunks, int[] framed, int samplesPerFrame, int minFrames)
    {
        _text = text;
        _words = words;
        _weights = weights;
        _chunks = chunks;
        _framed = framed;
        _samplesPerFrame = samplesPerFrame;
        _minFrames = minFrames;
        _edges = new long[framed.Max() + 1];
        _firstWord = new int[chunks.Length];
        _endWord = new int[chunks.Length];
        _startUnit = new int[words.Length];
        _endUnit = new int[words.Length];

        var chunkSounds = Array.ConvertAll(chunks, units => units.Count(u => u.Kind == PhonemeKind.Sound));
        var (middleStart, middleWord) = MatchForwards(sounds, chunkSounds);
        var (middleEnd, middleWordEnd) = MatchBackwards(sounds, chunkSounds, middleStart, middleWord);
        _middleStart = middleStart;
        _middleEnd = middleEnd;
        if (middleStart < middleEnd)
        {
            var count = middleWordEnd - middleWord;
            _middle = NeuralWordSpread.Create(text, words.AsSpan(middleWord, count), weights.AsSpan(middleWord, count), [.. chunks[middleStart..middleEnd].Select(u => u.Length)]);
        }

        for (var c = 0; c < chunks.Length; c++)
        {
            if (c < middleStart || c >= middleEnd)
            {
                PlaceWords(c, sounds);
            }
        }
    }

    /// <summary>
    /// Prepares the words of <paramref name="text"/>: each phonemized alone in <paramref name="language"/>,
    /// its sounds counted by <paramref name="soundCount"/> the way the model's tokens count them.
    /// <paramref name="chunks"/> are the phonemes of the segment's model runs, <paramref name="framed"/>
    /// each run's input length (the length its durations have). A frame is nominally
    /// <paramref name="samplesPerFrame"/> samples; each token lasts at least <paramref name="minFrames"/>.
    /// </summary>
    public static NeuralWordDurations Create(string text, IPhonemizer phonemizer, string language, Func<string, int> soundCount, PhonemeUnit[][] chunks, int[] framed, int samplesPerFrame, int minFrames)
    {
        ArgumentNullException.ThrowIfNull(phonemizer);
        ArgumentNullException.ThrowIfNull(soundCount);
        var words = WordTokens.Split(text);
        var weights = new int[words.Length];
        var sounds = new int[words.Length];
        for (var i = 0; i < words.Length; i++)
        {
            var ipa = phonemizer.Phonemize(text.Substring(words[i].Offset, words[i].Length), language);
            weights[i] = NeuralWordSpread.PhonemeCount(ipa);
            sounds[i] = soundCount(ipa);
        }

        return new NeuralWordDurations(text, words, weights, sounds, chunks, framed, samplesPerFrame, minFrames);
    }

    /// <summary>
    /// Reads chunk <paramref name="chunk"/>'s durations while the model's outputs are alive (so
    /// nothing is copied): the edge of every input token, in samples of its
    /// <paramref name="audioLength"/>-sample output. Durations are rounded (half to even, as the
    /// models round them) to whole frames of at least the minimum; when they do not add up to the
    /// audio exactly they are scaled onto it, and when they are far off (or missing) the chunk is spread.
    /// </summary>
    public void Measure(int chunk, FrameDurations durations, int audioLength)
    {
        _measured = -1;
        var tokens = _framed[chunk];
        if (durations.Length != tokens)
        {
            return;
        }

        double total = 0;
        for (var i = 0; i < tokens; i++)
        {
            var frames = durations[i];
            if (!double.IsFinite(frames) || frames < 0)
            {
                return;
            }

            total += Frames(frames);
        }

        var nominal = total * _samplesPerFrame;
        if (total <= 0 || Math.Abs(audioLength - nominal) > FrameTolerance * nominal)
        {
            return;
        }

        var samplesPerFrame = audioLength / total;
        double sum = 0;
        _edges[0] = 0;
        for (var i = 0; i < tokens; i++)
        {
            sum += Frames(durations[i]);
            _edges[i + 1] = (long)Math.Round(sum * samplesPerFrame);
        }

        _measured = chunk;
    }

    /// <summary>
    /// Reports the words of chunk <paramref name="chunk"/>, which is about to be written as
    /// <paramref name="samples"/> samples from sample <paramref name="firstSample"/> of the segment,
    /// those being the model's output from its sample <paramref name="keptStart"/> (the trim before it).
    /// </summary>
    public async ValueTask ReportChunkAsync(IWordTimingSink sink, int segment, int chunk, long firstSample, int keptStart, int samples, CancellationToken cancellationToken)
    {
        if (chunk >= _middleStart && chunk < _middleEnd)
        {
            await _middle!.ReportChunkAsync(sink, segment, chunk - _middleStart, firstSample, samples, cancellationToken);
            return;
        }

        var from = _firstWord[chunk];
        var count = _endWord[chunk] - from;
        if (_measured != chunk)
        {
            var spread = NeuralWordSpread.Create(_text, _words.AsSpan(from, count), _weights.AsSpan(from, count), [_chunks[chunk].Length]);
            await spread.ReportChunkAsync(sink, segment, 0, firstSample, samples, cancellationToken);
            return;
        }

        var units = _chunks[chunk];
        for (var w = from; w < from + count; w++)
        {
            var start = Edge(units, _startUnit[w]);
            var end = _endUnit[w] > _startUnit[w] ? _edges[units[_endUnit[w] - 1].End] : start;
            start = Math.Clamp(start - keptStart, 0, samples);
            end = Math.Clamp(end - keptStart, start, samples);
            var word = _words[w];
            await sink.WordAsync(new WordTiming(segment, word.Offset, word.Length, firstSample + start, firstSample + end, Approximate: false), cancellationToken);
        }
    }

    private double Frames(double duration) => Math.Max(_minFrames, Math.Round(duration, MidpointRounding.ToEven));

    // Where unit u starts; past the last unit, where the last one ends.
    private long Edge(PhonemeUnit[] units, int u) =>
        u < units.Length ? _edges[units[u].Start] : units.Length > 0 ? _edges[units[^1].End] : 0;

    /// <summary>Hands chunks their words from the start while the counts meet each chunk's end; returns the first chunk and word not matched.</summary>
    private (int Chunk, int Word) MatchForwards(int[] sounds, int[] chunkSounds)
    {
        var word = 0;
        for (var c = 0; c < chunkSounds.Length; c++)
        {
            var end = word;
            var total = 0;
            while (end < sounds.Length && total + sounds[end] <= chunkSounds[c])
            {
                total += sounds[end++];
            }

            if (total != chunkSounds[c] || (c + 1 == chunkSounds.Length && end != sounds.Length))
            {
                return (c, word);
            }

            _firstWord[c] = word;
            _endWord[c] = end;
            word = end;
        }

        return (chunkSounds.Length, word);
    }

    /// <summary>The same from the end, down to the chunks and words matched forwards; returns the first chunk and word matched backwards.</summary>
    private (int Chunk, int Word) MatchBackwards(int[] sounds, int[] chunkSounds, int stopChunk, int stopWord)
    {
        var word = sounds.Length;
        var chunk = chunkSounds.Length;
        for (var c = chunkSounds.Length - 1; c >= stopChunk; c--)
        {
            var start = word;
            var total = 0;
            while (start > stopWord && total + sounds[start - 1] <= chunkSounds[c])
            {
                total += sounds[--start];
            }

            if (total != chunkSounds[c] || (c == stopChunk && start != stopWord))
            {
                break;
            }

            _firstWord[c] = start;
            _endWord[c] = word;
            word = start;
            chunk = c;
        }

        return (chunk, word);
    }

    /// <summary>Each word of a matched chunk: the units from its first sound (stress before it included) past its last (length marks after it included).</summary>
    private void PlaceWords(int chunk, int[] sounds)
    {
        var units = _chunks[chunk];
        var u = 0;
        for (var w = _firstWord[chunk]; w < _endWord[chunk]; w++)
        {
            var floor = u;
            if (sounds[w] == 0)
            {
                _startUnit[w] = _endUnit[w] = u;
                continue;
            }

            while (u < units.Length && units[u].Kind != PhonemeKind.Sound)
            {
                u++;
            }

            var first = u;
            while (first > floor && units[first - 1].Kind == PhonemeKind.Stress)
            {
                first--;
            }

            for (var left = sounds[w]; u < units.Length && left > 0; u++)
            {
                if (units[u].Kind == PhonemeKind.Sound)
                {
                    left--;
                }
            }

            while (u < units.Length && units[u].Kind == PhonemeKind.Length)
            {
                u++;
            }

            _startUnit[w] = first;
            _endUnit[w] = u;
        }
    }
}
