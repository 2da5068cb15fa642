using System.Buffers;
using System.IO.Pipelines;

namespace Orator.Speech.Caching;

/// <summary>
/// Passes everything through to the real output and keeps a copy: the bytes, in one pooled
/// buffer that doubles as it fills, and the offset of every flush. Past
/// <paramref name="maxBytes"/> it stops keeping (the render is too big to cache) and releases
/// the copy; the output is never affected.
/// </summary>
internal sealed class RecordingPipeWriter(PipeWriter inner, long maxBytes) : PipeWriter, IDisposable
{
    private byte[] _bytes = [];
    private int[] _flushEnds = new int[16];
    private int _count;
    private int _flushes;
    private Memory<byte> _lent;

    /// <summary>False once the recording outgrew its limit.</summary>
    public bool Intact { get; private set; } = true;

    /// <inheritdoc />
    public override Memory<byte> GetMemory(int sizeHint = 0)
    {
        _lent = inner.GetMemory(sizeHint);
        return _lent;
    }

    /// <inheritdoc />
    public override Span<byte> GetSpan(int sizeHint = 0) => GetMemory(sizeHint).Span;

    /// <inheritdoc />
    public override void Advance(int bytes)
    {
        if (Intact && bytes > 0)
        {
            Keep(_lent.Span[..bytes]);
        }

        _lent = default;
        inner.Advance(bytes);
    }

    /// <inheritdoc />
    public override ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default)
    {
        if (Intact && (_flushes == 0 || _flushEnds[_flushes - 1] != _count))
        {
            if (_flushes == _flushEnds.Length)
            {
                Array.Resize(ref _flushEnds, _flushes * 2);
            }

            _flushEnds[_flushes++] = _count;
        }

        return inner.FlushAsync(cancellationToken);
    }

    /// <inheritdoc />
    public override void CancelPendingFlush() => inner.CancelPendingFlush();

    /// <inheritdoc />
    public override void Complete(Exception? exception = null) => inner.Complete(exception);

    /// <summary>The recording as an entry, or null when it was not kept whole.</summary>
    public CachedRender? ToEntry(string contentType, long outputSamples, int sampleRate)
    {
        if (!Intact)
        {
            return null;
        }

        if (_flushes == 0 || _flushEnds[_flushes - 1] != _count)
        {
            // Bytes after the last flush went out when the response completed: one last piece.
            if (_flushes == _flushEnds.Length)
            {
                Array.Resize(ref _flushEnds, _flushes + 1);
            }

            _flushEnds[_flushes++] = _count;
        }

        return new CachedRender(contentType, _bytes.AsSpan(0, _count).ToArray(), _flushEnds.AsSpan(0, _flushes).ToArray(), outputSamples, sampleRate);
    }

    /// <inheritdoc />
    public void Dispose() => Release();

    private void Keep(ReadOnlySpan<byte> bytes)
    {
        if (_count + (long)bytes.Length > maxBytes)
        {
            Intact = false;
            Release();
            return;
        }

        if (_count + bytes.Length > _bytes.Length)
        {
            var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min(maxBytes, Math.Max(_count + bytes.Length, Math.Max(64 * 1024, _bytes.Length * 2L))));
            _bytes.AsSpan(0, _count).CopyTo(larger);
            ReturnBuffer();
            _bytes = larger;
        }

        bytes.CopyTo(_bytes.AsSpan(_count));
        _count += bytes.Length;
    }

    private void Release()
    {
        ReturnBuffer();
        _bytes = [];
        _count = 0;
        _flushes = 0;
    }

    private void ReturnBuffer()
    {
        if (_bytes.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_bytes);
        }
    }
}
