using System.Buffers;

namespace Orator.Audio.Tests.Support;

/// <summary>
/// An <see cref="IBufferWriter{T}"/> over one array allocated up front, so that writing into it
/// never allocates (unlike <see cref="ArrayBufferWriter{T}"/>, which grows). Throws when full.
/// </summary>
internal sealed class FixedBufferWriter(int capacity) : IBufferWriter<byte>
{
    private readonly byte[] _buffer = new byte[capacity];
    private int _written;

    public ReadOnlySpan<byte> WrittenSpan => _buffer.AsSpan(0, _written);

    public int WrittenCount => _written;

    public void Reset() => _written = 0;

    public void Advance(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, _buffer.Length - _written);
        _written += count;
    }

    public Memory<byte> GetMemory(int sizeHint = 0) => _buffer.AsMemory(_written, Available(sizeHint));

    public Span<byte> GetSpan(int sizeHint = 0) => _buffer.AsSpan(_written, Available(sizeHint));

    private int Available(int sizeHint)
    {
        int available = _buffer.Length - _written;
        if (Math.Max(sizeHint, 1) > available)
        {
            throw new InvalidOperationException($"FixedBufferWriter is full ({_buffer.Length} bytes).");
        }

        return available;
    }
}
