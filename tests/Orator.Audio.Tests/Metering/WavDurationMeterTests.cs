using System.Buffers.Binary;

namespace Orator.Audio.Tests.Metering;

public sealed class WavDurationMeterTests
{
    // Exact: the data bytes are whole sample frames of the fmt chunk's block size.
    [Theory]
    [MemberData(nameof(MeteredStreams.LengthsAndFeedings), MemberType = typeof(MeteredStreams))]
    public void Orators_streamed_wav_with_unknown_sizes_counts_the_data_bytes_seen_exactly(double seconds, Feeding feeding)
    {
        byte[] wav = MeteredStreams.Encoded(AudioFormat.Wav, seconds);

        double? measured = MeterRun.Seconds(AudioFormat.Wav, wav, feeding);

        Assert.Equal((double)MeteredStreams.SamplesIn(seconds) / Signals.Rate, measured);
    }

    [Fact]
    public void Chunks_before_the_data_are_passed_over_odd_sized_ones_with_their_pad_byte()
    {
        byte[] wav = Wav(
            Chunk("fmt ", Fmt(channels: 2, sampleRate: 48000, bitsPerSample: 16)),
            Chunk("LIST", new byte[33]),
            Chunk("fact", new byte[4]),
            DataChunk(48000 * 4 / 2, declaredSize: 0));

        Assert.Equal(0.5, MeterRun.SecondsEveryWay(AudioFormat.Wav, wav));
    }

    [Fact]
    public void A_real_data_size_caps_the_count_so_a_trailing_chunk_is_not_audio()
    {
        byte[] wav = Wav(Chunk("fmt ", Fmt(channels: 1, sampleRate: 8000, bitsPerSample: 8)), DataChunk(4000, declaredSize: 4000), Chunk("LIST", new byte[5000]));

        Assert.Equal(0.5, MeterRun.SecondsEveryWay(AudioFormat.Wav, wav));
    }

    [Fact]
    public void A_cut_off_stream_counts_the_whole_sample_frames_it_holds()
    {
        byte[] wav = MeteredStreams.Encoded(AudioFormat.Wav, 1.5);
        const int cut = 44 + 20001;

        Assert.Equal(10000.0 / Signals.Rate, MeterRun.SecondsEveryWay(AudioFormat.Wav, wav[..cut]));
    }

    [Fact]
    public void A_header_alone_is_zero_seconds_and_half_a_header_is_not_known()
    {
        byte[] wav = MeteredStreams.Encoded(AudioFormat.Wav, 1.5);

        Assert.Equal(0.0, MeterRun.Seconds(AudioFormat.Wav, wav.AsSpan(..44), Feeding.OneByteAtATime));
        Assert.Null(MeterRun.Seconds(AudioFormat.Wav, wav.AsSpan(..30), Feeding.OneByteAtATime));
    }

    [Fact]
    public void Bytes_that_are_not_riff_wave_are_not_known()
    {
        byte[] wav = MeteredStreams.Encoded(AudioFormat.Wav, 1.5);
        wav[8] = (byte)'X';

        Assert.Null(MeterRun.Seconds(AudioFormat.Wav, wav, Feeding.Whole));
    }

    [Fact]
    public void Data_before_any_fmt_chunk_is_not_known()
    {
        Assert.Null(MeterRun.Seconds(AudioFormat.Wav, Wav(DataChunk(1000, declaredSize: 0)), Feeding.Whole));
    }

    private static byte[] Fmt(int channels, int sampleRate, int bitsPerSample)
    {
        var fmt = new byte[16];
        int blockAlign = channels * bitsPerSample / 8;
        BinaryPrimitives.WriteUInt16LittleEndian(fmt, 1);
        BinaryPrimitives.WriteUInt16LittleEndian(fmt.AsSpan(2), (ushort)channels);
        BinaryPrimitives.WriteInt32LittleEndian(fmt.AsSpan(4), sampleRate);
        BinaryPrimitives.WriteInt32LittleEndian(fmt.AsSpan(8), sampleRate * blockAlign);
        BinaryPrimitives.WriteUInt16LittleEndian(fmt.AsSpan(12), (ushort)blockAlign);
        BinaryPrimitives.WriteUInt16LittleEndian(fmt.AsSpan(14), (ushort)bitsPerSample);
        return fmt;
    }

    private static byte[] Chunk(string id, byte[] body)
    {
        var chunk = new byte[8 + body.Length + (body.Length & 1)];
        System.Text.Encoding.ASCII.GetBytes(id).CopyTo(chunk, 0);
        BinaryPrimitives.WriteInt32LittleEndian(chunk.AsSpan(4), body.Length);
        body.CopyTo(chunk, 8);
        return chunk;
    }

    private static byte[] DataChunk(int length, uint declaredSize)
    {
        byte[] chunk = Chunk("data", [.. Enumerable.Range(0, length).Select(i => (byte)i)]);
        BinaryPrimitives.WriteUInt32LittleEndian(chunk.AsSpan(4), declaredSize);
        return chunk;
    }

    private static byte[] Wav(params byte[][] chunks)
    {
        byte[] riff = [.. "RIFF"u8, 0xFF, 0xFF, 0xFF, 0xFF, .. "WAVE"u8];
        return [.. riff, .. chunks.SelectMany(c => c)];
    }
}
