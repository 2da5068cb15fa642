using Orator.Models.Download;

namespace Orator.Models.Tests.Support;

/// <summary>
/// A write-only decorator over the real part file that accepts <c>quota</c> bytes and then fails
/// every write with the IOException the OS raises on a full device (message "No space left on
/// device", HResult ENOSPC as .NET reports it). The bytes before the quota really reach the file.
/// A tmpfs or loop device would need root; this keeps the test honest without it, and
/// <c>DiskFullTests</c> checks the HResult against a real write to /dev/full.
/// </summary>
public sealed class QuotaStream(Stream inner, long quota) : Stream, IStreamDecorator
{
    private long _written;

    public Stream Inner => inner;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => inner.Length;

    public override long Position { get => inner.Position; set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        var allowed = (int)Math.Min(buffer.Length, Math.Max(0, quota - _written));
        inner.Write(buffer[..allowed]);
        _written += allowed;
        if (allowed < buffer.Length)
        {
            throw new IOException("No space left on device", DiskFull.HResult);
        }
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Write(buffer.Span);
        return ValueTask.CompletedTask;
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush() => inner.Flush();

    public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        await inner.DisposeAsync();
        await base.DisposeAsync();
    }
}
