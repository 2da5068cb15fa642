using System.Buffers;
using Orator.Audio.Encoding;

namespace Orator.Audio.Tests.Encoding;

public sealed class WavEncoderTests
{
    [Fact]
    public void The_header_is_a_44_byte_streaming_RIFF_header_for_16_bit_mono_pcm()
    {
        using IAudioEncoder encoder = AudioEncoderFactory.Create(AudioFormat.Wav, 24000);
        var output = new ArrayBufferWriter<byte>();

        encoder.WriteHeader(output);

        byte[] expected =
        [
            (byte)'R', (byte)'I', (byte)'F', (byte)'F', 0xFF, 0xFF, 0xFF, 0xFF,
            (byte)'W', (byte)'A', (byte)'V', (byte)'E',
            (byte)'f', (byte)'m', (byte)'t', (byte)' ', 16, 0, 0, 0,
            1, 0,                       // PCM
            1, 0,                       // mono
            0xC0, 0x5D, 0x00, 0x00,     // 24000 Hz
            0x80, 0xBB, 0x00, 0x00,     // 48000 bytes per second
            2, 0,                       // block align
            16, 0,                      // bits per sample
            (byte)'d', (byte)'a', (byte)'t', (byte)'a', 0xFF, 0xFF, 0xFF, 0xFF,
        ];
        Assert.Equal(expected, output.WrittenSpan.ToArray());
    }

    [Fact]
    public void Samples_follow_the_header_as_little_endian_pcm_and_finish_adds_nothing()
    {
        using IAudioEncoder encoder = AudioEncoderFactory.Create(AudioFormat.Wav, 16000);
        var output = new ArrayBufferWriter<byte>();

        encoder.WriteHeader(output);
        encoder.Encode([1, -2, 0x1234], output);
        encoder.Finish(output);

        Assert.Equal(new byte[] { 1, 0, 0xFE, 0xFF, 0x34, 0x12 }, output.WrittenSpan[44..].ToArray());
        Assert.Equal(16000, BitConverter.ToInt32(output.WrittenSpan.Slice(24, 4)));
    }

    [Fact]
    public void It_describes_itself_as_audio_wav()
    {
        using IAudioEncoder encoder = AudioEncoderFactory.Create(AudioFormat.Wav, 24000);

        Assert.Equal(AudioFormat.Wav, encoder.Format);
        Assert.Equal("audio/wav", encoder.ContentType);
        Assert.Equal(24000, encoder.SampleRate);
    }

    [CodecFact(AudioFormat.Wav, RequiresFfmpeg = true)]
    public async Task Ffprobe_reads_the_stream_as_24kHz_mono_s16le()
    {
        using IAudioEncoder encoder = AudioEncoderFactory.Create(AudioFormat.Wav, 24000);
        var output = new ArrayBufferWriter<byte>();
        encoder.WriteHeader(output);
        encoder.Encode(Signals.Sine(24000, 440, 1.0), output);
        encoder.Finish(output);
        using var file = new TempFile(output.WrittenSpan.ToArray(), ".wav");

        string report = await Ffmpeg.ProbeAsync(file.Path);

        Assert.Contains("codec_name=pcm_s16le", report);
        Assert.Contains("sample_rate=24000", report);
        Assert.Contains("channels=1", report);
    }
}
