using System.Buffers;
using System.IO.Pipelines;

namespace Orator.Server.Speech;

/// <summary>
/// Holds a whole response body (<c>stream: false</c>) in one pooled buffer that doubles as it
/// fills, so that it can go out with a Content-Length once the render ends. Flushes write
/// nothing; they only notice that the client went away, so synthesis still stops when it does.
/// </summary>
internal sealed class BufferedBodyWriter : PipeWriter
{
    private const int InitialBytes = 64 * 1024;
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(InitialBytes);
    private int _count;

    /// <summary>The bytes held so far.</summary>
    public ReadOnlyMemory<byte> Written => _buffer.AsMemory(0, _count);

    /// <inheritdoc />
    public override Memory<byte> GetMemory(int sizeHint = 0)
    {
        Ensure(Math.Max(sizeHint, 1));
        return _buffer.AsMemory(_count);
    }

    /// <inheritdoc />
    public override Span<byte> GetSpan(int sizeHint = 0) => GetMemory(sizeHint).Span;

    /// <inheritdoc />
    public override void Advance(int bytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bytes);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(bytes, _buffer.Length - _count);
        _count += bytes;
    }

    /// <inheritdoc />
    public override ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return new ValueTask<FlushResult>(new FlushResult(isCanceled: false, isCompleted: false));
    }

    /// <inheritdoc />
    public override void CancelPendingFlush()
    {
        // Flushes never wait, so there is nothing pending to cancel.
    }

    /// <inheritdoc />
    public override void Complete(Exception? exception = null) => Release();

    /// <summary>Writes what is held to <paramref name="response"/>'s body and returns the buffer to the pool.</summary>
    public async ValueTask CopyToAsync(PipeWriter response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        try
        {
            await response.WriteAsync(Written, cancellationToken);
        }
        finally
        {
            Release();
        }
    }

    private void Ensure(int more)
    {
        if (_buffer.Length - _count >= more)
        {
            return;
        }

        var larger = ArrayPool<byte>.Shared.Rent(Math.Max(_count + more, _buffer.Length * 2));
        _buffer.AsSpan(0, _count).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = larger;
    }

    private void Release()
    {
        if (_buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
        }

        _buffer = [];
        _count = 0;
    }
}
