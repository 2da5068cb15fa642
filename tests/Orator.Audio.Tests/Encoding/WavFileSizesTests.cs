using System.Buffers;
using System.Buffers.Binary;
using Orator.Audio.Encoding;

namespace Orator.Audio.Tests.Encoding;

public sealed class WavFileSizesTests
{
    [Fact]
    public void A_finished_streaming_wav_file_gets_its_riff_and_data_sizes()
    {
        using var file = new MemoryStream(Streamed(samples: 1000));

        Assert.True(WavFileSizes.TryWrite(file));

        var bytes = file.ToArray();
        Assert.Equal(44 + 2000, bytes.Length);
        Assert.Equal(36u + 2000, BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(4)));
        Assert.Equal(2000u, BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(40)));
        Assert.Equal(Streamed(samples: 1000).AsSpan(8, 32).ToArray(), bytes.AsSpan(8, 32).ToArray());
    }

    [Fact]
    public void Streams_that_cannot_seek_or_are_not_orators_wav_are_left_alone()
    {
        var notWav = new byte[100];
        "OggS"u8.CopyTo(notWav);
        using var other = new MemoryStream(notWav);
        using var shortFile = new MemoryStream(new byte[10]);
        using var pipe = new UnseekableStream(Streamed(samples: 10));

        Assert.False(WavFileSizes.TryWrite(other));
        Assert.False(WavFileSizes.TryWrite(shortFile));
        Assert.False(WavFileSizes.TryWrite(pipe));
        Assert.Equal(notWav, other.ToArray());
    }

    private static byte[] Streamed(int samples)
    {
        using IAudioEncoder encoder = AudioEncoderFactory.Create(AudioFormat.Wav, 24000);
        var output = new ArrayBufferWriter<byte>();
        encoder.WriteHeader(output);
        encoder.Encode(new short[samples], output);
        encoder.Finish(output);
        return output.WrittenSpan.ToArray();
    }

    private sealed class UnseekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
