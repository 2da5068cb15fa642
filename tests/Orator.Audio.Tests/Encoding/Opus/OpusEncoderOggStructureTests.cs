using System.Buffers.Binary;
using Orator.Audio.Encoding.Opus;
using Text = System.Text;

namespace Orator.Audio.Tests.Encoding.Opus;

public sealed class OpusEncoderOggStructureTests
{
    private static readonly short[] Source = Signals.HarmonicVoice(Signals.Rate, 3.0);

    [CodecFact(AudioFormat.Opus)]
    public void Every_page_has_the_capture_pattern_version_0_a_valid_crc_and_one_serial()
    {
        using var encoder = new OpusEncoder(Signals.Rate);
        List<OggPage> pages = OggStream.Parse(EncoderHarness.EncodeAll(encoder, Source, EncoderHarness.VaryingChunks));

        Assert.True(pages.Count > 3);
        Assert.All(pages, page =>
        {
            Assert.Equal(0, page.Version);
            Assert.Equal(page.ComputedCrc, page.StoredCrc);
            Assert.Equal(encoder.SerialNumber, page.SerialNumber);
            Assert.False(page.IsContinued);
            Assert.False(page.EndsWithPartialPacket);
        });
        Assert.Equal(Enumerable.Range(0, pages.Count).Select(i => (uint)i), pages.Select(p => p.SequenceNumber));
    }

    [CodecFact(AudioFormat.Opus)]
    public void Only_the_first_page_begins_the_stream_and_only_the_last_ends_it()
    {
        using var encoder = new OpusEncoder(Signals.Rate);
        List<OggPage> pages = OggStream.Parse(EncoderHarness.EncodeAll(encoder, Source, EncoderHarness.VaryingChunks));

        Assert.Equal(0, pages.FindLastIndex(p => p.IsBeginningOfStream));
        Assert.Equal(pages.Count - 1, pages.FindIndex(p => p.IsEndOfStream));
    }

    [CodecFact(AudioFormat.Opus)]
    public void The_first_page_holds_only_an_OpusHead_for_one_channel_with_the_codec_look_ahead_as_pre_skip()
    {
        using var encoder = new OpusEncoder(Signals.Rate);
        List<OggPage> pages = OggStream.Parse(EncoderHarness.EncodeAll(encoder, Source, EncoderHarness.VaryingChunks));

        byte[] head = Assert.Single(pages[0].Packets);
        Assert.Equal(19, head.Length);
        Assert.Equal("OpusHead", Text.Encoding.ASCII.GetString(head, 0, 8));
        Assert.Equal(1, head[8]);
        Assert.Equal(1, head[9]);
        Assert.Equal(encoder.PreSkip, BinaryPrimitives.ReadUInt16LittleEndian(head.AsSpan(10)));
        Assert.Equal(312, encoder.PreSkip); // 6.5 ms at 48 kHz: libopus's look-ahead for 20 ms frames
        Assert.Equal(24000u, BinaryPrimitives.ReadUInt32LittleEndian(head.AsSpan(12)));
        Assert.Equal(0, BinaryPrimitives.ReadInt16LittleEndian(head.AsSpan(16)));
        Assert.Equal(0, head[18]);
        Assert.Equal(0, pages[0].GranulePosition);
    }

    [CodecFact(AudioFormat.Opus)]
    public void The_second_page_holds_only_OpusTags_with_the_Orator_vendor_and_no_comments()
    {
        using var encoder = new OpusEncoder(Signals.Rate);
        List<OggPage> pages = OggStream.Parse(EncoderHarness.EncodeAll(encoder, Source, EncoderHarness.VaryingChunks));

        byte[] tags = Assert.Single(pages[1].Packets);
        Assert.Equal("OpusTags", Text.Encoding.ASCII.GetString(tags, 0, 8));
        int vendorLength = BinaryPrimitives.ReadInt32LittleEndian(tags.AsSpan(8));
        Assert.Equal("Orator", Text.Encoding.UTF8.GetString(tags, 12, vendorLength));
        Assert.Equal(0u, BinaryPrimitives.ReadUInt32LittleEndian(tags.AsSpan(12 + vendorLength)));
        Assert.Equal(12 + vendorLength + 4, tags.Length);
        Assert.Equal(0, pages[1].GranulePosition);
        Assert.False(pages[1].IsBeginningOfStream);
    }

    [CodecFact(AudioFormat.Opus)]
    public void Audio_granule_positions_count_20ms_packets_at_48kHz_and_the_last_trims_to_pre_skip_plus_input()
    {
        using var encoder = new OpusEncoder(Signals.Rate);
        List<OggPage> pages = OggStream.Parse(EncoderHarness.EncodeAll(encoder, Source, EncoderHarness.VaryingChunks));

        long packets = 0;
        foreach (OggPage page in pages.Skip(2).SkipLast(1))
        {
            packets += page.Packets.Count;
            Assert.Equal(packets * 960, page.GranulePosition);
            Assert.InRange(page.Packets.Count, 1, 10);
        }

        OggPage last = pages[^1];
        long expectedEnd = encoder.PreSkip + (2L * Source.Length);
        Assert.Equal(expectedEnd, last.GranulePosition);
        long totalPackets = packets + last.Packets.Count;
        Assert.InRange((totalPackets * 960) - expectedEnd, 0, 959); // the padding is less than one frame
        Assert.All(pages.Skip(2).SelectMany(p => p.Packets), packet => Assert.Equal(960, SamplesAt48kHz(packet)));
        Assert.Equal(pages.Select(p => p.GranulePosition).Order(), pages.Select(p => p.GranulePosition));
    }

    [CodecFact(AudioFormat.Opus)]
    public void Input_at_a_rate_libopus_lacks_is_resampled_and_its_granules_are_still_at_48kHz()
    {
        short[] source = Signals.HarmonicVoice(22050, 1.0);
        using var encoder = new OpusEncoder(22050);
        List<OggPage> pages = OggStream.Parse(EncoderHarness.EncodeAll(encoder, source, EncoderHarness.VaryingChunks));

        Assert.Equal(48000, encoder.CodecSampleRate);
        Assert.Equal(22050u, BinaryPrimitives.ReadUInt32LittleEndian(pages[0].Packets[0].AsSpan(12)));
        long samplesAt48k = ((source.Length * 48000L) + 22049) / 22050;
        Assert.Equal(encoder.PreSkip + samplesAt48k, pages[^1].GranulePosition);
        Assert.All(pages, page => Assert.Equal(page.ComputedCrc, page.StoredCrc));
    }

    [CodecFact(AudioFormat.Opus)]
    public void Serial_numbers_differ_between_encoders()
    {
        using var first = new OpusEncoder(Signals.Rate);
        using var second = new OpusEncoder(Signals.Rate);

        Assert.NotEqual(first.SerialNumber, second.SerialNumber);
    }

    [CodecFact(AudioFormat.Opus)]
    public void A_given_serial_number_makes_the_same_audio_encode_to_the_same_bytes()
    {
        short[] source = Signals.HarmonicVoice(Signals.Rate, 1.0);
        using var first = new OpusEncoder(Signals.Rate, serialNumber: 0x5EED1234);
        using var second = new OpusEncoder(Signals.Rate, serialNumber: 0x5EED1234);

        byte[] once = EncoderHarness.EncodeAll(first, source, EncoderHarness.VaryingChunks);
        byte[] again = EncoderHarness.EncodeAll(second, source, EncoderHarness.VaryingChunks);

        Assert.Equal(0x5EED1234u, OggStream.Parse(once)[0].SerialNumber);
        Assert.Equal(once, again);
    }

    /// <summary>The duration of an Opus packet from its TOC byte (RFC 6716 section 3.1).</summary>
    private static int SamplesAt48kHz(byte[] packet)
    {
        int config = packet[0] >> 3;
        int frameSize = config switch
        {
            < 12 => new[] { 480, 960, 1920, 2880 }[config % 4],
            < 16 => new[] { 480, 960 }[config % 2],
            _ => new[] { 120, 240, 480, 960 }[config % 4],
        };
        int frames = (packet[0] & 3) switch
        {
            0 => 1,
            3 => packet[1] & 0x3F,
            _ => 2,
        };
        return frameSize * frames;
    }
}
