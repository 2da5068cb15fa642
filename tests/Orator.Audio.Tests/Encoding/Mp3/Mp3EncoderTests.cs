using System.Buffers;
using Orator.Audio.Encoding.Mp3;

namespace Orator.Audio.Tests.Encoding.Mp3;

public sealed class Mp3EncoderTests(ITestOutputHelper log)
{
    /// <summary>The MDCT/polyphase delay every Layer III decoder adds (528 + 1 samples).</summary>
    private const int DecoderDelay = 529;

    private static readonly short[] Speech = Signals.SpeechLike(Signals.Rate, 3.0);

    [CodecFact(AudioFormat.Mp3)]
    public void It_describes_itself_as_64_kbps_mono_mpeg2_audio_mpeg_at_the_input_rate()
    {
        using var encoder = new Mp3Encoder(Signals.Rate);

        Assert.Equal(AudioFormat.Mp3, encoder.Format);
        Assert.Equal("audio/mpeg", encoder.ContentType);
        Assert.Equal(Signals.Rate, encoder.SampleRate);
        Assert.Equal(Signals.Rate, encoder.OutputSampleRate);
        Assert.Equal(64, encoder.BitrateKbps);
        Assert.Equal(576, encoder.FrameSize);
    }

    [CodecFact(AudioFormat.Mp3)]
    public void An_input_rate_mp3_cannot_carry_is_resampled_by_lame_to_one_it_can()
    {
        using var encoder = new Mp3Encoder(20000);
        var output = new ArrayBufferWriter<byte>();

        encoder.WriteHeader(output);
        encoder.Encode(Signals.SpeechLike(20000, 0.5), output);
        encoder.Finish(output);

        Assert.Equal(20000, encoder.SampleRate);
        Assert.Contains(encoder.OutputSampleRate, (int[])[16000, 22050, 24000]);
        Assert.True(output.WrittenCount > 0);
    }

    [CodecFact(AudioFormat.Mp3, RequiresFfmpeg = true)]
    public async Task Ffprobe_reads_a_chunked_stream_as_24kHz_mono_mp3_and_ffmpeg_decodes_the_stream_without_a_word()
    {
        using var encoder = new Mp3Encoder(Signals.Rate);
        byte[] mp3 = EncoderHarness.EncodeAll(encoder, Speech, EncoderHarness.VaryingChunks);
        using var file = new TempFile(mp3, ".mp3");
        string probe = await Ffmpeg.ProbeAsync(file.Path);
        (short[] piped, FfmpegResult pipeRun) = await Ffmpeg.DecodePipedAsync(mp3);
        (short[] fromFile, FfmpegResult fileRun) = await Ffmpeg.DecodeAsync(file.Path);

        Assert.Contains("codec_name=mp3", probe);
        Assert.Contains("sample_rate=24000", probe);
        Assert.Contains("channels=1", probe);
        Assert.Equal(0, pipeRun.ExitCode);
        Assert.Equal(string.Empty, pipeRun.Error);
        Assert.True(piped.Length > Speech.Length, $"decoded {piped.Length} samples from {Speech.Length}");

        // From a seekable file, ffmpeg adds the one note every Xing-less MP3 gets: with no frame
        // count in the stream, the duration comes from the bitrate (exact here: CBR).
        Assert.Equal(0, fileRun.ExitCode);
        string[] notes = fileRun.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.All(notes, note => Assert.EndsWith(Ffmpeg.DurationEstimateNotice, note));
        Assert.True(notes.Length <= 1, fileRun.Error);
        Assert.Equal(piped, fromFile);
    }

    [CodecFact(AudioFormat.Mp3, RequiresFfmpeg = true)]
    public async Task The_decoded_audio_is_the_input_delayed_by_the_reported_encoder_delay_plus_the_decoder_delay()
    {
        using var encoder = new Mp3Encoder(Signals.Rate);
        byte[] mp3 = EncoderHarness.EncodeAll(encoder, Speech, EncoderHarness.VaryingChunks);

        (short[] decoded, _) = await Ffmpeg.DecodePipedAsync(mp3);
        log.WriteLine($"input {Speech.Length}, encoder delay {encoder.EncoderDelay}, padding {encoder.EncoderPadding}, decoded {decoded.Length} samples");

        // Without a LAME tag nothing tells the decoder to trim, so every frame decodes in full:
        // encoder delay + input + padding, a whole number of frames.
        int expectedLength = encoder.EncoderDelay + Speech.Length + encoder.EncoderPadding;
        Assert.Equal(576, encoder.EncoderDelay);
        Assert.InRange(encoder.EncoderPadding, 1, 2 * encoder.FrameSize);
        Assert.InRange(decoded.Length, expectedLength - encoder.FrameSize, expectedLength + encoder.FrameSize);

        // The decoder's filter bank adds its own 529 samples in front of the encoder's delay.
        int offset = encoder.EncoderDelay + DecoderDelay;
        Assert.Equal(offset, BestLag(Speech, decoded, offset - 200, offset + 200));
        double correlation = Correlation.AtLag(Speech, decoded.AsSpan(offset, Speech.Length), 0);
        log.WriteLine($"normalised correlation after aligning by {offset} samples: {correlation:F4}");
        Assert.True(correlation >= 0.9, $"normalised correlation {correlation:F3} after aligning by {offset} samples");
    }

    [CodecFact(AudioFormat.Mp3)]
    public void The_bytes_do_not_depend_on_how_the_input_is_chunked()
    {
        using var whole = new Mp3Encoder(Signals.Rate);
        using var chunked = new Mp3Encoder(Signals.Rate);

        byte[] once = EncoderHarness.EncodeAll(whole, Speech, [Speech.Length]);
        byte[] inChunks = EncoderHarness.EncodeAll(chunked, Speech, EncoderHarness.VaryingChunks);

        Assert.Equal(once, inChunks);
    }

    [CodecFact(AudioFormat.Mp3)]
    public void The_stream_is_bare_mpeg2_layer3_frames_without_id3_tags_or_a_xing_frame()
    {
        using var encoder = new Mp3Encoder(Signals.Rate);
        byte[] mp3 = EncoderHarness.EncodeAll(encoder, Speech, EncoderHarness.VaryingChunks);

        // Frame sync (11 bits), MPEG-2 (10), Layer III (01), no CRC (1): FF F3.
        Assert.Equal(new byte[] { 0xFF, 0xF3 }, mp3[..2]);
        // 64 kbps at 24 kHz, MPEG-2: 72 * 64000 / 24000 = 192 bytes per frame (no padding slots at 24 kHz).
        Assert.Equal(0, mp3.Length % 192);
        for (int frame = 0; frame < mp3.Length; frame += 192)
        {
            Assert.Equal(0xFF, mp3[frame]);
            Assert.Equal(0xF3, mp3[frame + 1]);
        }

        Assert.Equal(-1, mp3.AsSpan().IndexOf("Xing"u8));
        Assert.Equal(-1, mp3.AsSpan().IndexOf("Info"u8));
        Assert.Equal(-1, mp3.AsSpan().IndexOf("ID3"u8));
        Assert.Equal(-1, mp3.AsSpan().IndexOf("TAG"u8));
    }

    [CodecFact(AudioFormat.Mp3, RequiresFfmpeg = true)]
    public async Task An_empty_stream_finishes_cleanly_and_ffmpeg_reads_it_without_errors()
    {
        using var encoder = new Mp3Encoder(Signals.Rate);
        var output = new ArrayBufferWriter<byte>();

        encoder.WriteHeader(output);
        encoder.Encode([], output);
        encoder.Finish(output);

        // LAME flushes its delay and padding as silent frames: two of them.
        Assert.Equal(2 * 192, output.WrittenCount);
        // Two frames are too little for ffmpeg to be sure by probing, so the format is given, as
        // the response's Content-Type gives it to a client.
        (short[] decoded, FfmpegResult run) = await Ffmpeg.DecodePipedAsync(output.WrittenSpan.ToArray(), "mp3");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Error);
        Assert.Equal(2 * 576, decoded.Length);
        Assert.All(decoded, sample => Assert.InRange(sample, (short)-2, (short)2));
    }

    [CodecFact(AudioFormat.Mp3)]
    public void Encoding_nothing_writes_nothing_and_finishing_twice_writes_once()
    {
        using var encoder = new Mp3Encoder(Signals.Rate);
        var output = new ArrayBufferWriter<byte>();

        encoder.WriteHeader(output);
        encoder.Encode([], output);
        int afterEmpty = output.WrittenCount;
        encoder.Encode(Speech, output);
        encoder.Finish(output);
        int afterFinish = output.WrittenCount;
        encoder.Finish(output);

        Assert.Equal(0, afterEmpty);
        Assert.Equal(afterFinish, output.WrittenCount);
        Assert.Throws<InvalidOperationException>(() => encoder.Encode(Speech.AsSpan(0, 10), output));
    }

    [CodecFact(AudioFormat.Mp3)]
    public void Dispose_without_finish_and_a_second_dispose_are_safe_and_later_calls_throw_object_disposed()
    {
        var encoder = new Mp3Encoder(Signals.Rate);
        var output = new ArrayBufferWriter<byte>();
        encoder.WriteHeader(output);
        encoder.Encode(Speech.AsSpan(0, 5000), output);

        encoder.Dispose();
        encoder.Dispose();

        Assert.Throws<ObjectDisposedException>(() => encoder.Encode(Speech.AsSpan(0, 10), output));
        Assert.Throws<ObjectDisposedException>(() => encoder.Finish(output));
    }

    [CodecFact(AudioFormat.Mp3)]
    public void Out_of_range_settings_are_rejected_before_any_native_call()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Mp3Encoder(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Mp3Encoder(Signals.Rate, bitrateKbps: 4));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Mp3Encoder(Signals.Rate, bitrateKbps: 400));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Mp3Encoder(Signals.Rate, quality: 10));
    }

    [Fact]
    public void Availability_is_reported_without_throwing_and_names_the_package_when_missing()
    {
        bool available = Mp3Encoder.IsAvailable(out string? problem);

        Assert.True(available == (problem is null));
        if (!available)
        {
            Assert.Contains("libmp3lame0", problem);
        }
    }

    private static int BestLag(ReadOnlySpan<short> source, ReadOnlySpan<short> decoded, int from, int to)
    {
        int best = from;
        double bestScore = double.MinValue;
        for (int lag = Math.Max(from, 0); lag <= to && lag + source.Length <= decoded.Length; lag++)
        {
            double score = Correlation.AtLag(source, decoded.Slice(lag, source.Length), 0);
            if (score > bestScore)
            {
                bestScore = score;
                best = lag;
            }
        }

        return best;
    }
}
