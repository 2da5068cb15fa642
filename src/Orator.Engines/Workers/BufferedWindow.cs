using System.Buffers;
using Orator.Core.Audio;

namespace Orator.Engines.Workers;

/// <summary>
/// Holds what a look-ahead window's worker produced (its PCM, where each segment ended and any
/// word timings) until the window's turn comes, then hands it on exactly as it arrived: the same
/// samples, the same segment ends and words at the same places in the stream, so the joiner
/// downstream cannot tell it from live audio. The samples sit in one pooled array that grows by
/// doubling; nothing is allocated per chunk.
/// </summary>
internal sealed class BufferedWindow : IPcmSink, IWordTimingSink, IDisposable
{
    private const int InitialSamples = 64 * 1024;

    private short[] _samples = ArrayPool<short>.Shared.Rent(InitialSamples);
    private Mark[] _marks = new Mark[WorkerSpeechEngine.WindowSegments];
    private int _count;
    private int _markCount;

    /// <summary>Samples held so far.</summary>
    public int Samples => _count;

    /// <inheritdoc />
    public ValueTask WriteAsync(ReadOnlyMemory<short> samples, CancellationToken cancellationToken)
    {
        if (_count + samples.Length > _samples.Length)
        {
            Grow(_count + samples.Length);
        }

        samples.Span.CopyTo(_samples.AsSpan(_count));
        _count += samples.Length;
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask EndSegmentAsync(int segment, CancellationToken cancellationToken)
    {
        Add(new Mark(_count, segment, null));
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask WordAsync(WordTiming word, CancellationToken cancellationToken)
    {
        Add(new Mark(_count, word.Segment, word));
        return ValueTask.CompletedTask;
    }

    /// <summary>Forgets what was held (a retry starts the window again).</summary>
    public void Clear()
    {
        _count = 0;
        _markCount = 0;
    }

    /// <summary>
    /// Writes everything held into <paramref name="sink"/>, segment by segment, words where they
    /// came (to its <see cref="IWordTimingSink"/> face, when it has one).
    /// </summary>
    public async ValueTask ReplayAsync(IPcmSink sink, CancellationToken cancellationToken)
    {
        var words = sink as IWordTimingSink;
        var from = 0;
        for (var i = 0; i < _markCount; i++)
        {
            var mark = _marks[i];
            if (mark.At > from)
            {
                await sink.WriteAsync(_samples.AsMemory(from, mark.At - from), cancellationToken);
                from = mark.At;
            }

            if (mark.Word is not { } word)
            {
                await sink.EndSegmentAsync(mark.Segment, cancellationToken);
            }
            else if (words is not null)
            {
                await words.WordAsync(word, cancellationToken);
            }
        }

        if (_count > from)
        {
            await sink.WriteAsync(_samples.AsMemory(from, _count - from), cancellationToken);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        var samples = Interlocked.Exchange(ref _samples, []);
        if (samples.Length > 0)
        {
            ArrayPool<short>.Shared.Return(samples);
        }
    }

    private void Add(Mark mark)
    {
        if (_markCount == _marks.Length)
        {
            Array.Resize(ref _marks, _marks.Length * 2);
        }

        _marks[_markCount++] = mark;
    }

    private void Grow(int needed)
    {
        var larger = ArrayPool<short>.Shared.Rent(Math.Max(needed, _samples.Length * 2));
        _samples.AsSpan(0, _count).CopyTo(larger);
        ArrayPool<short>.Shared.Return(_samples);
        _samples = larger;
    }

    /// <summary>Something that came between samples: a segment's end, or a word when <see cref="Word"/> is set.</summary>
    private readonly record struct Mark(int At, int Segment, WordTiming? Word);
}
