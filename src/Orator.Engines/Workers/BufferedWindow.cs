using System.Buffers;
using Orator.Core.Audio;

namespace Orator.Engines.Workers;

/// <summary>
/// Holds what a look-ahead window's worker produced (its PCM and where each segment ended)
/// until the window's turn comes, then hands it on exactly as it arrived: the same samples and
/// the same segment ends, so the joiner downstream cannot tell it from live audio. The samples
/// sit in one pooled array that grows by doubling; nothing is allocated per chunk.
/// </summary>
internal sealed class BufferedWindow : IPcmSink, IDisposable
{
    private const int InitialSamples = 64 * 1024;

    private short[] _samples = ArrayPool<short>.Shared.Rent(InitialSamples);
    private (int Segment, int EndsAt)[] _ends = new (int, int)[WorkerSpeechEngine.WindowSegments];
    private int _count;
    private int _endCount;

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
        if (_endCount == _ends.Length)
        {
            Array.Resize(ref _ends, _ends.Length * 2);
        }

        _ends[_endCount++] = (segment, _count);
        return ValueTask.CompletedTask;
    }

    /// <summary>Forgets what was held (a retry starts the window again).</summary>
    public void Clear()
    {
        _count = 0;
        _endCount = 0;
    }

    /// <summary>Writes everything held into <paramref name="sink"/>, segment by segment.</summary>
    public async ValueTask ReplayAsync(IPcmSink sink, CancellationToken cancellationToken)
    {
        var from = 0;
        for (var i = 0; i < _endCount; i++)
        {
            var (segment, endsAt) = _ends[i];
            if (endsAt > from)
            {
                await sink.WriteAsync(_samples.AsMemory(from, endsAt - from), cancellationToken);
            }

            await sink.EndSegmentAsync(segment, cancellationToken);
            from = endsAt;
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

    private void Grow(int needed)
    {
        var larger = ArrayPool<short>.Shared.Rent(Math.Max(needed, _samples.Length * 2));
        _samples.AsSpan(0, _count).CopyTo(larger);
        ArrayPool<short>.Shared.Return(_samples);
        _samples = larger;
    }
}
