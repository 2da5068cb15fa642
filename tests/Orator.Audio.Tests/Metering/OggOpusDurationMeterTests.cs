using System.Buffers.Binary;
using Orator.Audio.Encoding;
using Orator.Audio.Tests.Encoding.Opus;

namespace Orator.Audio.Tests.Metering;

public sealed class OggOpusDurationMeterTests
{
    private const double GranuleRate = 48000;

    // Exact: Orator's encoder sets the last page's granule position to the pre-skip plus the
    // input's length at 48 kHz, so that decoders trim the last frame's padding; the meter's
    // (last granule - pre-skip) / 48 kHz is then the input's length to the sample.
    [CodecTheory(AudioFormat.Opus)]
    [MemberData(nameof(MeteredStreams.LengthsAndFeedings), MemberType = typeof(MeteredStreams))]
    public void The_last_granule_position_less_the_pre_skip_is_the_inputs_length_exactly(double seconds, Feeding feeding)
    {
        byte[] opus = MeteredStreams.Encoded(AudioFormat.Opus, seconds);

        double? measured = MeterRun.Seconds(AudioFormat.Opus, opus, feeding);

        Assert.Equal((double)MeteredStreams.SamplesIn(seconds) / Signals.Rate, measured);
    }

    [CodecFact(AudioFormat.Opus)]
    public void The_pre_skip_is_read_from_the_opus_head_packet()
    {
        byte[] opus = MeteredStreams.Encoded(AudioFormat.Opus, 1.5);
        double stated = MeterRun.SecondsEveryWay(AudioFormat.Opus, opus);
        List<OggPage> pages = OggStream.Parse(opus);
        OggPage head = pages[0];
        int preSkipAt = head.Offset + 27 + 1 + 10; // one lacing value, then OpusHead's bytes 10..11
        int preSkip = BinaryPrimitives.ReadUInt16LittleEndian(opus.AsSpan(preSkipAt));
        Assert.True(preSkip > 0, "libopus has a look-ahead, so the pre-skip is not 0");

        BinaryPrimitives.WriteUInt16LittleEndian(opus.AsSpan(preSkipAt), (ushort)(preSkip + 4800));
        Reseal(opus.AsSpan(0, pages[1].Offset));
        double patched = MeterRun.SecondsEveryWay(AudioFormat.Opus, opus);

        Assert.Equal(stated - 0.1, patched, 9);
    }

    // Within one page: a page's granule counts once its body has been seen in full.
    [CodecTheory(AudioFormat.Opus)]
    [InlineData(0.31)]
    [InlineData(0.5)]
    [InlineData(0.77)]
    public void A_cut_off_stream_counts_up_to_the_last_complete_page(double fraction)
    {
        byte[] opus = MeteredStreams.Encoded(AudioFormat.Opus, 7.3);
        int cut = (int)(opus.Length * fraction);
        List<OggPage> pages = OggStream.Parse(opus);
        OggPage lastWhole = pages.Last(page => page.Offset + PageLength(pages, page, opus.Length) <= cut);
        int preSkip = BinaryPrimitives.ReadUInt16LittleEndian(pages[0].Packets[0].AsSpan(10));

        double measured = MeterRun.SecondsEveryWay(AudioFormat.Opus, opus[..cut]);

        Assert.Equal((lastWhole.GranulePosition - preSkip) / GranuleRate, measured, 9);
        Assert.True(lastWhole.GranulePosition > 0);
    }

    [CodecFact(AudioFormat.Opus)]
    public void A_page_whose_crc_does_not_match_is_not_believed()
    {
        byte[] opus = MeteredStreams.Encoded(AudioFormat.Opus, 7.3);
        List<OggPage> pages = OggStream.Parse(opus);
        int preSkip = BinaryPrimitives.ReadUInt16LittleEndian(pages[0].Packets[0].AsSpan(10));
        BinaryPrimitives.WriteInt64LittleEndian(opus.AsSpan(pages[^1].Offset + 6), 48000L * 3600);

        double measured = MeterRun.SecondsEveryWay(AudioFormat.Opus, opus);

        Assert.Equal((pages[^2].GranulePosition - preSkip) / GranuleRate, measured, 9);
    }

    [CodecFact(AudioFormat.Opus)]
    public void Chained_streams_one_after_the_others_end_add_up()
    {
        byte[] first = Encode(1.5, serial: 1);
        byte[] second = Encode(7.3, serial: 2);

        Assert.Equal(8.8, MeterRun.SecondsEveryWay(AudioFormat.Opus, [.. first, .. second]), 9);
    }

    [CodecFact(AudioFormat.Opus)]
    public void Garbage_between_pages_is_skipped_and_the_pages_after_it_still_count()
    {
        byte[] opus = MeteredStreams.Encoded(AudioFormat.Opus, 7.3);
        int at = OggStream.Parse(opus)[10].Offset;
        byte[] garbage = [.. "OggS"u8, 1, .. Enumerable.Range(0, 2000).Select(i => (byte)(i * 31))];

        double measured = MeterRun.SecondsEveryWay(AudioFormat.Opus, [.. opus[..at], .. garbage, .. opus[at..]]);

        Assert.Equal(7.3, measured, 9);
    }

    [CodecFact(AudioFormat.Opus)]
    public void Before_the_opus_head_page_is_complete_nothing_is_known_and_after_it_zero_seconds()
    {
        byte[] opus = MeteredStreams.Encoded(AudioFormat.Opus, 1.5);
        List<OggPage> pages = OggStream.Parse(opus);

        Assert.Null(MeterRun.Seconds(AudioFormat.Opus, opus.AsSpan(..20), Feeding.OneByteAtATime));
        Assert.Equal(0.0, MeterRun.Seconds(AudioFormat.Opus, opus.AsSpan(..pages[1].Offset), Feeding.OneByteAtATime));
    }

    [Fact]
    public void An_ogg_stream_that_is_not_opus_is_not_known()
    {
        byte[] page = [.. "OggS"u8, 0, 0x02, .. new byte[20], 1, 30, 1, .. "vorbis"u8, .. new byte[23]];
        Reseal(page);

        Assert.Null(MeterRun.Seconds(AudioFormat.Opus, page, Feeding.Whole));
    }

    /// <summary>Writes the CRC of the one page in <paramref name="page"/> into its header.</summary>
    private static void Reseal(Span<byte> page)
    {
        page.Slice(22, 4).Clear();
        BinaryPrimitives.WriteUInt32LittleEndian(page[22..], OggStream.BitwiseCrc(page));
    }

    private static int PageLength(List<OggPage> pages, OggPage page, int streamLength)
    {
        int index = pages.IndexOf(page);
        return (index + 1 < pages.Count ? pages[index + 1].Offset : streamLength) - page.Offset;
    }

    private static byte[] Encode(double seconds, uint serial)
    {
        using IAudioEncoder encoder = AudioEncoderFactory.Create(AudioFormat.Opus, Signals.Rate, serial);
        return EncoderHarness.EncodeAll(encoder, Signals.HarmonicVoice(Signals.Rate, seconds), EncoderHarness.VaryingChunks);
    }
}
