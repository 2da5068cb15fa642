using Orator.Audio.Encoding.Mp3;

namespace Orator.Audio.Tests.Metering;

public sealed class Mp3DurationMeterTests
{
    /// <summary>Samples in an MPEG-2 Layer III frame, the kind LAME writes at 24 kHz.</summary>
    private const int FrameSamples = 576;

    /// <summary>LAME at 64 kbps and 24 kHz: 72 * 64000 / 24000 bytes a frame, never padded.</summary>
    private const int FrameBytes = 192;

    // The meter counts what a decoder outputs: every frame, which is LAME's delay (576 samples of
    // silence in front), the input, and LAME's padding (to a frame boundary plus one more frame
    // for the last granule's overlap). So the count is exactly the encoder's own account of its
    // output, and from the input's point of view within that delay plus two frames.
    [CodecTheory(AudioFormat.Mp3)]
    [MemberData(nameof(MeteredStreams.LengthsAndFeedings), MemberType = typeof(MeteredStreams))]
    public void Every_frame_of_lames_stream_counts_so_the_count_is_the_input_plus_lames_delay_and_padding(double seconds, Feeding feeding)
    {
        int samples = MeteredStreams.SamplesIn(seconds);
        using var encoder = new Mp3Encoder(Signals.Rate);
        byte[] mp3 = EncoderHarness.EncodeAll(encoder, Signals.HarmonicVoice(Signals.Rate, seconds), EncoderHarness.VaryingChunks);

        double measured = MeterRun.Seconds(AudioFormat.Mp3, mp3, feeding)!.Value;

        int counted = (int)Math.Round(measured * Signals.Rate);
        Assert.Equal(samples + encoder.EncoderDelay + encoder.EncoderPadding, counted);
        Assert.Equal(measured * Signals.Rate, counted, 6);
        Assert.InRange(counted - samples - encoder.EncoderDelay, 0, (2 * FrameSamples) - 1);
        Assert.Equal(mp3.Length / FrameBytes * FrameSamples, counted);
    }

    [CodecFact(AudioFormat.Mp3)]
    public void An_id3v2_tag_in_front_is_passed_over_even_one_full_of_mp3_frames_and_with_a_footer()
    {
        byte[] mp3 = MeteredStreams.Encoded(AudioFormat.Mp3, 1.5);
        double plain = MeterRun.SecondsEveryWay(AudioFormat.Mp3, mp3);

        // A tag whose body is 40 real frames: were the tag not skipped as a whole, they would count.
        byte[] body = mp3[..(40 * FrameBytes)];
        Assert.Equal(plain, MeterRun.SecondsEveryWay(AudioFormat.Mp3, [.. Id3v2(body, footer: false), .. mp3]));
        Assert.Equal(plain, MeterRun.SecondsEveryWay(AudioFormat.Mp3, [.. Id3v2(body, footer: true), .. mp3]));
    }

    [CodecFact(AudioFormat.Mp3)]
    public void An_info_xing_or_vbri_frame_at_the_start_does_not_count_as_audio()
    {
        byte[] mp3 = MeteredStreams.Encoded(AudioFormat.Mp3, 1.5);
        double plain = MeterRun.SecondsEveryWay(AudioFormat.Mp3, mp3);

        Assert.Equal(plain, MeterRun.SecondsEveryWay(AudioFormat.Mp3, [.. TagFrame(mp3, "Info"), .. mp3]));
        Assert.Equal(plain, MeterRun.SecondsEveryWay(AudioFormat.Mp3, [.. Id3v2(new byte[300], footer: false), .. TagFrame(mp3, "Xing"), .. mp3]));
        Assert.Equal(plain, MeterRun.SecondsEveryWay(AudioFormat.Mp3, [.. TagFrame(mp3, "VBRI", at: 4 + 32), .. mp3]));
    }

    [CodecFact(AudioFormat.Mp3)]
    public void An_ordinary_frame_at_the_start_counts()
    {
        byte[] mp3 = MeteredStreams.Encoded(AudioFormat.Mp3, 1.5);
        double plain = MeterRun.SecondsEveryWay(AudioFormat.Mp3, mp3);

        double withOneMore = MeterRun.SecondsEveryWay(AudioFormat.Mp3, [.. TagFrame(mp3, "Abcd"), .. mp3]);

        Assert.Equal(plain + ((double)FrameSamples / Signals.Rate), withOneMore, 9);
    }

    // Within one frame: a frame counts once its 4-byte header is seen, so a stream cut inside a
    // frame counts that frame, and one cut inside a header does not.
    [CodecTheory(AudioFormat.Mp3)]
    [InlineData(0.31)]
    [InlineData(0.5)]
    [InlineData(0.77)]
    public void A_cut_off_stream_counts_the_frames_whose_headers_it_holds(double fraction)
    {
        byte[] mp3 = MeteredStreams.Encoded(AudioFormat.Mp3, 7.3);
        int cut = (int)(mp3.Length * fraction);
        int headersSeen = (cut / FrameBytes) + (cut % FrameBytes >= 4 ? 1 : 0);

        double measured = MeterRun.SecondsEveryWay(AudioFormat.Mp3, mp3[..cut]);

        Assert.Equal((double)headersSeen * FrameSamples / Signals.Rate, measured, 9);
    }

    // After garbage the meter scans for a header that the two headers after it, back to back, confirm.
    // A false header near the garbage's end may send it up to one (false) frame length, at most
    // 720 bytes here, into the real frames before it finds sync again: at most 4 frames lost.
    [CodecFact(AudioFormat.Mp3)]
    public void Garbage_in_the_middle_is_skipped_and_the_frames_after_it_still_count()
    {
        byte[] mp3 = MeteredStreams.Encoded(AudioFormat.Mp3, 7.3);
        int at = 100 * FrameBytes;
        byte[] garbage = new byte[3000];
        new Random(5).NextBytes(garbage);
        garbage[1000] = 0xFF; // a sync byte followed by random bits, inside the garbage
        garbage[1001] = 0xF3;

        double measured = MeterRun.SecondsEveryWay(AudioFormat.Mp3, [.. mp3[..at], .. garbage, .. mp3[at..]]);

        double plain = MeterRun.SecondsEveryWay(AudioFormat.Mp3, mp3);
        Assert.InRange(measured, plain - (4.0 * FrameSamples / Signals.Rate) - 1e-9, plain + 1e-9);
    }

    // Layer I frames hold 384 samples, Layer II 1152, MPEG-1 Layer III 1152; lengths follow the
    // bitrate and the padding bit. Silent frames with valid headers are enough for the meter.
    [Theory]
    [InlineData(new byte[] { 0xFF, 0xFF, 0xE4, 0x00 }, 384, 48000, 448)]   // MPEG-1 Layer I, 448 kbps, 48 kHz
    [InlineData(new byte[] { 0xFF, 0xFD, 0x80, 0x00 }, 1152, 44100, 417)]  // MPEG-1 Layer II, 128 kbps, 44.1 kHz
    [InlineData(new byte[] { 0xFF, 0xFB, 0x92, 0xC4 }, 1152, 44100, 418)]  // MPEG-1 Layer III, 128 kbps, 44.1 kHz, padded, mono
    [InlineData(new byte[] { 0xFF, 0xE3, 0x24, 0xC4 }, 576, 12000, 96)]    // MPEG-2.5 Layer III, 16 kbps, 12 kHz
    [InlineData(new byte[] { 0xFF, 0xF5, 0x24, 0x00 }, 1152, 24000, 96)]   // MPEG-2 Layer II, 16 kbps, 24 kHz
    public void Each_version_and_layer_counts_its_own_samples_per_frame(byte[] header, int samplesPerFrame, int sampleRate, int frameLength)
    {
        const int frames = 50;
        byte[] stream = new byte[frames * frameLength];
        for (int i = 0; i < frames; i++)
        {
            header.CopyTo(stream, i * frameLength);
        }

        double measured = MeterRun.SecondsEveryWay(AudioFormat.Mp3, stream);

        Assert.Equal((double)frames * samplesPerFrame / sampleRate, measured, 9);
    }

    /// <summary>
    /// A frame with the stream's first header, zero side information and <paramref name="tag"/>
    /// where a Xing/Info tag goes (after MPEG-2 mono's 9 bytes of side info) or at <paramref name="at"/>.
    /// </summary>
    private static byte[] TagFrame(byte[] mp3, string tag, int at = 4 + 9)
    {
        var frame = new byte[FrameBytes];
        mp3.AsSpan(0, 4).CopyTo(frame);
        System.Text.Encoding.ASCII.GetBytes(tag).CopyTo(frame, at);
        return frame;
    }

    private static byte[] Id3v2(byte[] body, bool footer)
    {
        byte[] size = [(byte)((body.Length >> 21) & 0x7F), (byte)((body.Length >> 14) & 0x7F), (byte)((body.Length >> 7) & 0x7F), (byte)(body.Length & 0x7F)];
        byte[] header = [.. "ID3"u8, 4, 0, (byte)(footer ? 0x10 : 0), .. size];
        byte[] tail = footer ? [.. "3DI"u8, 4, 0, 0x10, .. size] : [];
        return [.. header, .. body, .. tail];
    }
}
