using System.Buffers;
using Orator.Audio.Encoding.Opus;

namespace Orator.Audio.Tests.Encoding.Opus;

public sealed class OpusEncoderAllocationTests
{
    [OpusFact]
    public void Encoding_at_24kHz_allocates_nothing_after_warm_up() => AssertEncodeAllocatesNothing(new OpusEncoder(24000), 24000);

    [OpusFact]
    public void Encoding_through_the_48kHz_resampler_allocates_nothing_after_warm_up()
        => AssertEncodeAllocatesNothing(new OpusEncoder(24000, OpusEncoderSettings.Default with { ResampleTo48kHz = true }), 24000);

    [OpusFact]
    public void Encoding_22050Hz_input_allocates_nothing_after_warm_up() => AssertEncodeAllocatesNothing(new OpusEncoder(22050), 22050);

    private static void AssertEncodeAllocatesNothing(OpusEncoder encoder, int sampleRate)
    {
        using (encoder)
        {
            short[] source = OpusTestAudio.Speech(12.0, sampleRate);
            var output = new FixedBufferWriter(1 << 20);
            encoder.WriteHeader(output);
            int position = 0;
            foreach (int size in OpusTestAudio.Chunks(source.Length / 2))
            {
                encoder.Encode(source.AsSpan(position, size), output);
                position += size;
            }

            output.Reset();
            int[] sizes = [.. OpusTestAudio.ChunkSizes.Take(4)];
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 100; i++)
            {
                int size = sizes[i % sizes.Length];
                encoder.Encode(source.AsSpan(position, size), output);
                position += size;
            }

            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

            Assert.True(output.WrittenCount > 0);
            Assert.Equal(0, allocated);
        }
    }

    /// <summary>An <see cref="IBufferWriter{T}"/> over one pre-allocated array that allocates nothing.</summary>
    private sealed class FixedBufferWriter(int capacity) : IBufferWriter<byte>
    {
        private readonly byte[] _buffer = new byte[capacity];

        public int WrittenCount { get; private set; }

        public void Reset() => WrittenCount = 0;

        public void Advance(int count) => WrittenCount += count;

        public Memory<byte> GetMemory(int sizeHint = 0) => _buffer.AsMemory(WrittenCount);

        public Span<byte> GetSpan(int sizeHint = 0) => _buffer.AsSpan(WrittenCount);
    }
}
