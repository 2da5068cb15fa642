namespace Orator.Audio.Tests.Metering;

public sealed class FlacDurationMeterTests
{
    /// <summary>libFLAC's block size at Orator's compression level (5) and 24 kHz.</summary>
    private const int BlockSize = 4096;

    // Exact: every frame header counts its block size, and the blocks add up to the input (the
    // last block is as short as the input's end makes it).
    [CodecTheory(AudioFormat.Flac)]
    [MemberData(nameof(MeteredStreams.LengthsAndFeedings), MemberType = typeof(MeteredStreams))]
    public void The_block_sizes_of_the_frames_add_up_to_the_inputs_length_exactly(double seconds, Feeding feeding)
    {
        byte[] flac = MeteredStreams.Encoded(AudioFormat.Flac, seconds);

        double? measured = MeterRun.Seconds(AudioFormat.Flac, flac, feeding);

        Assert.Equal((double)MeteredStreams.SamplesIn(seconds) / Signals.Rate, measured);
    }

    // Within one frame: a frame counts once its header is seen whole.
    [CodecTheory(AudioFormat.Flac)]
    [InlineData(0.31)]
    [InlineData(0.5)]
    [InlineData(0.77)]
    public void A_cut_off_stream_counts_the_frames_whose_headers_it_holds(double fraction)
    {
        byte[] flac = MeteredStreams.Encoded(AudioFormat.Flac, 7.3);
        int cut = (int)(flac.Length * fraction);
        List<int> frames = FrameOffsets(flac);
        Assert.Equal((MeteredStreams.SamplesIn(7.3) + BlockSize - 1) / BlockSize, frames.Count);

        // Sync, two code bytes, a one-byte frame number and the CRC-8.
        int headersSeen = frames.Count(offset => offset + 6 <= cut);

        double measured = MeterRun.SecondsEveryWay(AudioFormat.Flac, flac[..cut]);

        Assert.Equal((double)headersSeen * BlockSize / Signals.Rate, measured, 9);
    }

    // Frame data is full of would-be sync codes; only headers that pass the CRC-8 and continue the
    // frame numbering count. Garbage spliced between two frames (here made of sync codes with
    // random fields) adds nothing, and the frames after it still count.
    [CodecFact(AudioFormat.Flac)]
    public void Garbage_between_frames_adds_nothing_and_the_frames_after_it_still_count()
    {
        byte[] flac = MeteredStreams.Encoded(AudioFormat.Flac, 7.3);
        int at = FrameOffsets(flac)[20];
        var random = new Random(3);
        byte[] garbage = new byte[8000];
        random.NextBytes(garbage);
        for (int i = 0; i + 1 < garbage.Length; i += 16)
        {
            garbage[i] = 0xFF;
            garbage[i + 1] = 0xF8;
        }

        double measured = MeterRun.SecondsEveryWay(AudioFormat.Flac, [.. flac[..at], .. garbage, .. flac[at..]]);

        Assert.Equal(7.3, measured, 9);
    }

    [CodecFact(AudioFormat.Flac)]
    public void Frames_lost_in_the_middle_cost_only_their_own_blocks()
    {
        byte[] flac = MeteredStreams.Encoded(AudioFormat.Flac, 7.3);
        List<int> frames = FrameOffsets(flac);

        double measured = MeterRun.SecondsEveryWay(AudioFormat.Flac, [.. flac[..frames[10]], .. flac[frames[13]..]]);

        Assert.Equal(7.3 - (3.0 * BlockSize / Signals.Rate), measured, 9);
    }

    [CodecFact(AudioFormat.Flac)]
    public void An_id3v2_tag_in_front_is_passed_over()
    {
        byte[] flac = MeteredStreams.Encoded(AudioFormat.Flac, 1.5);
        byte[] body = flac[..1000];
        byte[] tag = [.. "ID3"u8, 3, 0, 0, 0, 0, (byte)(body.Length >> 7), (byte)(body.Length & 0x7F), .. body];

        Assert.Equal(1.5, MeterRun.SecondsEveryWay(AudioFormat.Flac, [.. tag, .. flac]), 9);
    }

    [CodecFact(AudioFormat.Flac)]
    public void The_metadata_alone_is_zero_seconds_and_part_of_it_is_not_known()
    {
        byte[] flac = MeteredStreams.Encoded(AudioFormat.Flac, 1.5);
        int firstFrame = FrameOffsets(flac)[0];

        Assert.Equal(0.0, MeterRun.Seconds(AudioFormat.Flac, flac.AsSpan(..firstFrame), Feeding.OneByteAtATime));
        Assert.Null(MeterRun.Seconds(AudioFormat.Flac, flac.AsSpan(..30), Feeding.OneByteAtATime));
    }

    [CodecFact(AudioFormat.Flac)]
    public void A_stream_without_the_flac_marker_is_not_known()
    {
        byte[] flac = MeteredStreams.Encoded(AudioFormat.Flac, 1.5);

        Assert.Null(MeterRun.Seconds(AudioFormat.Flac, flac.AsSpan(4..), Feeding.Whole));
    }

    /// <summary>
    /// Test-side frame finder for libFLAC's fixed-block streams: frame k starts with the sync code,
    /// any block size and rate byte (the last block is shorter), the first frame's channel and
    /// sample size byte, and k as a one-byte coded number (k &lt; 128 here).
    /// </summary>
    private static List<int> FrameOffsets(byte[] flac)
    {
        int first = flac.AsSpan().IndexOf((ReadOnlySpan<byte>)[0xFF, 0xF8]);
        byte channelsAndSize = flac[first + 3];
        var offsets = new List<int> { first };
        for (int j = first + 1; j + 4 < flac.Length; j++)
        {
            if (flac[j] == 0xFF && flac[j + 1] == 0xF8 && flac[j + 3] == channelsAndSize && flac[j + 4] == offsets.Count)
            {
                offsets.Add(j);
            }
        }

        return offsets;
    }
}
