using System.Buffers;
using Orator.Core.Audio;

namespace Orator.Audio.Joining;

/// <summary>
/// Sits in front of a <see cref="SegmentJoiner"/> when a request wants word timings: holds each
/// segment's PCM and words until the segment ends, places the words on the joined stream (where
/// the joiner's trims and pauses put them), hands them on, and only then passes the segment to the
/// joiner. So every word is known before any of its segment's audio goes out, and a word that
/// spans several engine words (a number read out) can be merged before it is sent.
/// </summary>
/// <remarks>
/// Holding a segment back delays its audio by the time the engine takes to render it (the first
/// chunk is short); the audio itself is unchanged, because the joiner's output depends on the
/// samples alone, never on how they were cut into writes. Only requests with word timings use it.
/// </remarks>
public sealed class WordAligner : IPcmSink, IWordTimingSink, IDisposable
{
    private readonly SegmentJoiner _joiner;
    private readonly Func<IReadOnlyList<WordTiming>, CancellationToken, ValueTask> _placed;
    private readonly List<WordTiming> _words = [];
    private readonly List<WordTiming> _joined = [];
    private short[] _segment;
    private int _count;

    /// <summary>Creates an aligner for <paramref name="joiner"/>.</summary>
    /// <param name="joiner">The joiner the audio goes to once its words are placed.</param>
    /// <param name="placed">
    /// Receives a segment's words with <see cref="WordTiming.StartSample"/> and
    /// <see cref="WordTiming.EndSample"/> on the joined stream (samples the joiner has passed on
    /// before them), before the segment's audio; the list is reused after the call returns.
    /// </param>
    public WordAligner(SegmentJoiner joiner, Func<IReadOnlyList<WordTiming>, CancellationToken, ValueTask> placed)
    {
        _joiner = joiner ?? throw new ArgumentNullException(nameof(joiner));
        _placed = placed ?? throw new ArgumentNullException(nameof(placed));
        _segment = ArrayPool<short>.Shared.Rent(joiner.SampleRate);
    }

    /// <inheritdoc />
    public ValueTask WriteAsync(ReadOnlyMemory<short> samples, CancellationToken cancellationToken)
    {
        if (_count + samples.Length > _segment.Length)
        {
            var larger = ArrayPool<short>.Shared.Rent(Math.Max(_segment.Length * 2, _count + samples.Length));
            _segment.AsSpan(0, _count).CopyTo(larger);
            ArrayPool<short>.Shared.Return(_segment);
            _segment = larger;
        }

        samples.Span.CopyTo(_segment.AsSpan(_count));
        _count += samples.Length;
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask WordAsync(WordTiming word, CancellationToken cancellationToken)
    {
        _words.Add(word);
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public async ValueTask EndSegmentAsync(int segment, CancellationToken cancellationToken)
    {
        var audio = _segment.AsMemory(0, _count);
        if (_words.Count > 0)
        {
            var (start, end) = _joiner.KeptRange(audio.Span);
            var origin = _joiner.SamplesOut;
            var kept = end - start;
            _joined.Clear();
            foreach (var word in _words)
            {
                var from = Math.Clamp(word.StartSample - start, 0, kept);
                var to = Math.Clamp(word.EndSample - start, from, kept);
                _joined.Add(word with { StartSample = origin + from, EndSample = origin + to });
            }

            _words.Clear();
            await _placed(_joined, cancellationToken);
        }

        _count = 0;
        await _joiner.WriteAsync(audio, cancellationToken);
        await _joiner.EndSegmentAsync(segment, cancellationToken);
    }

    /// <summary>Returns the segment buffer.</summary>
    public void Dispose()
    {
        if (_segment.Length > 0)
        {
            ArrayPool<short>.Shared.Return(_segment);
            _segment = [];
        }
    }
}
