using System.Buffers;

namespace Orator.Audio.Tests.Encoding.Aac;

/// <summary>An <see cref="IBufferWriter{T}"/> over one preallocated array that never allocates again.</summary>
internal sealed class FixedBufferWriter(int capacity) : IBufferWriter<byte>
{
    private readonly byte[] _buffer = new byte[capacity];

    public int WrittenCount { get; private set; }

    public ReadOnlySpan<byte> WrittenSpan => _buffer.AsSpan(0, WrittenCount);

    public void Advance(int count) => WrittenCount += count;

    public Memory<byte> GetMemory(int sizeHint = 0) => _buffer.AsMemory(WrittenCount);

    public Span<byte> GetSpan(int sizeHint = 0) =>
        sizeHint <= _buffer.Length - WrittenCount ? _buffer.AsSpan(WrittenCount) : throw new InvalidOperationException("The fixed buffer is full.");

    public void Clear() => WrittenCount = 0;
}
