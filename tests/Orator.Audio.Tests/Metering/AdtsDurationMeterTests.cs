using Orator.Audio.Encoding.Aac;
using Orator.Audio.Tests.Encoding.Aac;

namespace Orator.Audio.Tests.Metering;

public sealed class AdtsDurationMeterTests
{
    private const int FrameSamples = 1024;

    /// <summary>libavcodec's AAC encoder puts one frame of priming in front (its initial_padding).</summary>
    private const int Priming = 1024;

    // The meter counts what a decoder outputs: every frame, which is the encoder's one frame of
    // priming, the input, and the last frame's padding. So, beyond the priming, within one frame.
    [CodecTheory(AudioFormat.Aac)]
    [MemberData(nameof(MeteredStreams.LengthsAndFeedings), MemberType = typeof(MeteredStreams))]
    public void Every_adts_frame_counts_1024_samples_so_past_the_priming_the_count_is_within_one_frame(double seconds, Feeding feeding)
    {
        int samples = MeteredStreams.SamplesIn(seconds);
        byte[] aac = MeteredStreams.Encoded(AudioFormat.Aac, seconds);

        double measured = MeterRun.Seconds(AudioFormat.Aac, aac, feeding)!.Value;

        int counted = (int)Math.Round(measured * Signals.Rate);
        Assert.Equal(AdtsFrames.Parse(aac).Count * FrameSamples, counted);
        Assert.InRange(counted - samples - Priming, 0, FrameSamples - 1);
    }

    // Within one frame: a frame counts once its 7-byte header is seen.
    [CodecTheory(AudioFormat.Aac)]
    [InlineData(0.31)]
    [InlineData(0.5)]
    [InlineData(0.77)]
    public void A_cut_off_stream_counts_the_frames_whose_headers_it_holds(double fraction)
    {
        byte[] aac = MeteredStreams.Encoded(AudioFormat.Aac, 7.3);
        int cut = (int)(aac.Length * fraction);
        int headersSeen = AdtsFrames.Parse(aac).Count(frame => frame.Offset + 7 <= cut);

        double measured = MeterRun.SecondsEveryWay(AudioFormat.Aac, aac[..cut]);

        Assert.Equal((double)headersSeen * FrameSamples / Signals.Rate, measured, 9);
    }

    [CodecFact(AudioFormat.Aac)]
    public void Garbage_in_the_middle_is_skipped_and_the_frames_after_it_still_count()
    {
        byte[] aac = MeteredStreams.Encoded(AudioFormat.Aac, 7.3);
        int at = AdtsFrames.Parse(aac)[80].Offset;
        byte[] garbage = new byte[3000];
        new Random(9).NextBytes(garbage);

        double measured = MeterRun.SecondsEveryWay(AudioFormat.Aac, [.. aac[..at], .. garbage, .. aac[at..]]);

        // As for MP3: a false header near the garbage's end could carry the search into the real
        // frames by one false frame length (at most 8191 bytes); with this garbage none does.
        Assert.Equal(MeterRun.SecondsEveryWay(AudioFormat.Aac, aac), measured, 9);
    }

    [CodecFact(AudioFormat.Aac)]
    public void An_id3v2_tag_in_front_is_passed_over()
    {
        byte[] aac = MeteredStreams.Encoded(AudioFormat.Aac, 1.5);
        byte[] body = aac[..2000];
        byte[] tag = [.. "ID3"u8, 4, 0, 0, 0, 0, (byte)(body.Length >> 7), (byte)(body.Length & 0x7F), .. body];

        Assert.Equal(MeterRun.SecondsEveryWay(AudioFormat.Aac, aac), MeterRun.SecondsEveryWay(AudioFormat.Aac, [.. tag, .. aac]));
    }

    [Theory]
    [InlineData(0, 1024)]
    [InlineData(3, 4096)]
    public void A_frame_of_several_raw_data_blocks_counts_1024_samples_for_each(int extraBlocks, int samplesPerFrame)
    {
        const int frames = 30;
        const int frameLength = 100;
        var stream = new byte[frames * frameLength];
        for (int i = 0; i < frames; i++)
        {
            Span<byte> header = stream.AsSpan(i * frameLength);
            AdtsHeader.Write(header, frequencyIndex: 3, channelConfiguration: 2, frameLength);
            header[6] = (byte)((header[6] & 0xFC) | extraBlocks);
        }

        Assert.Equal((double)frames * samplesPerFrame / 48000, MeterRun.SecondsEveryWay(AudioFormat.Aac, stream), 9);
    }
}
