using System.Buffers;
using Orator.Audio.Encoding;

namespace Orator.Audio.Tests.Encoding;

public sealed class PcmEncoderTests
{
    [Fact]
    public void Samples_pass_through_as_little_endian_bytes_without_header_or_trailer()
    {
        using IAudioEncoder encoder = AudioEncoderFactory.Create(AudioFormat.Pcm, 24000);
        var output = new ArrayBufferWriter<byte>();

        encoder.WriteHeader(output);
        encoder.Encode([0x0102, -1, short.MinValue, short.MaxValue], output);
        encoder.Finish(output);

        Assert.Equal(new byte[] { 0x02, 0x01, 0xFF, 0xFF, 0x00, 0x80, 0xFF, 0x7F }, output.WrittenSpan.ToArray());
        Assert.Equal("audio/pcm", encoder.ContentType);
    }

    [Fact]
    public void A_chunk_larger_than_the_writers_spans_is_written_in_pieces()
    {
        using IAudioEncoder encoder = AudioEncoderFactory.Create(AudioFormat.Pcm, 24000);
        var output = new SmallSpanWriter(spanSize: 7);
        short[] samples = Support.Signals.Sine(24000, 1000, 0.01);

        encoder.Encode(samples, output);

        byte[] expected = new byte[samples.Length * 2];
        Buffer.BlockCopy(samples, 0, expected, 0, expected.Length);
        Assert.Equal(expected, output.Written.ToArray());
    }

    /// <summary>A writer that only ever hands out small spans, like a pipe near a segment end.</summary>
    private sealed class SmallSpanWriter(int spanSize) : IBufferWriter<byte>
    {
        private readonly byte[] _scratch = new byte[spanSize];

        public List<byte> Written { get; } = [];

        public void Advance(int count) => Written.AddRange(_scratch.AsSpan(0, count));

        public Memory<byte> GetMemory(int sizeHint = 0) => _scratch;

        public Span<byte> GetSpan(int sizeHint = 0) => _scratch;
    }
}
