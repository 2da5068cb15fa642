using System.Buffers;
using Orator.Audio.Encoding.Opus.Ogg;

namespace Orator.Audio.Tests.Encoding.Opus;

public sealed class OggPageWriterTests
{
    [Fact]
    public void The_crc_is_the_unreflected_0x04C11DB7_crc_with_zero_start_and_no_final_xor()
    {
        // CRC-32/CKSUM's check value is 0x765E7680; without its final inversion it is 0x89A1897F.
        Assert.Equal(0x89A1897Fu, OggCrc.Update(0, "123456789"u8));
        Assert.Equal(OggStream.BitwiseCrc("OggS and more bytes"u8), OggCrc.Update(0, "OggS and more bytes"u8));
    }

    [Theory]
    [InlineData(0, new byte[] { 0 })]
    [InlineData(1, new byte[] { 1 })]
    [InlineData(254, new byte[] { 254 })]
    [InlineData(255, new byte[] { 255, 0 })]
    [InlineData(256, new byte[] { 255, 1 })]
    [InlineData(510, new byte[] { 255, 255, 0 })]
    public void Packets_are_laced_as_runs_of_255_closed_by_a_shorter_value(int length, byte[] lacing)
    {
        using var writer = new OggPageWriter(7, 1000);
        var output = new ArrayBufferWriter<byte>();
        byte[] packet = Enumerable.Range(0, length).Select(i => (byte)i).ToArray();

        writer.AddPacket(packet, 960);
        writer.WritePage(output);

        ReadOnlySpan<byte> page = output.WrittenSpan;
        Assert.Equal(lacing.Length, page[26]);
        Assert.Equal(lacing, page.Slice(27, lacing.Length).ToArray());
        OggPage parsed = Assert.Single(OggStream.Parse(page));
        Assert.Equal(packet, Assert.Single(parsed.Packets));
        Assert.Equal(parsed.ComputedCrc, parsed.StoredCrc);
        Assert.Equal(960, parsed.GranulePosition);
    }

    [Fact]
    public void Pages_carry_the_serial_a_rising_sequence_and_bos_and_eos_only_at_the_ends()
    {
        using var writer = new OggPageWriter(0xCAFEF00D, 1000);
        var output = new ArrayBufferWriter<byte>();

        for (int page = 0; page < 4; page++)
        {
            writer.AddPacket([1, 2, 3], page * 100);
            writer.AddPacket([4, 5], (page * 100) + 50);
            writer.WritePage(output, endOfStream: page == 3);
        }

        List<OggPage> pages = OggStream.Parse(output.WrittenSpan);
        Assert.Equal([0u, 1u, 2u, 3u], pages.Select(p => p.SequenceNumber));
        Assert.All(pages, p => Assert.Equal(0xCAFEF00Du, p.SerialNumber));
        Assert.Equal([true, false, false, false], pages.Select(p => p.IsBeginningOfStream));
        Assert.Equal([false, false, false, true], pages.Select(p => p.IsEndOfStream));
        Assert.Equal([50L, 150L, 250L, 350L], pages.Select(p => p.GranulePosition));
        Assert.All(pages, p => Assert.Equal(2, p.Packets.Count));
    }

    [Fact]
    public void A_packet_that_does_not_fit_is_refused_until_the_page_is_written()
    {
        using var writer = new OggPageWriter(1, 300);
        var output = new ArrayBufferWriter<byte>();
        writer.AddPacket(new byte[200], 1);

        Assert.False(writer.HasRoomFor(101));
        Assert.Throws<InvalidOperationException>(() => writer.AddPacket(new byte[101], 2));

        writer.WritePage(output);
        Assert.True(writer.HasRoomFor(300));
    }

    [Fact]
    public void Nothing_can_be_written_after_the_end_of_stream_page()
    {
        using var writer = new OggPageWriter(1, 100);
        var output = new ArrayBufferWriter<byte>();
        writer.AddPacket([1], 1);
        writer.WritePage(output, endOfStream: true);

        Assert.Throws<InvalidOperationException>(() => writer.AddPacket([2], 2));
        Assert.Throws<InvalidOperationException>(() => writer.WritePage(output));
    }

    [Fact]
    public void A_writer_that_hands_out_small_spans_still_gets_the_whole_page()
    {
        using var writer = new OggPageWriter(5, 1000);
        var whole = new ArrayBufferWriter<byte>();
        var pieces = new TinySpanWriter();
        using var second = new OggPageWriter(5, 1000);

        writer.AddPacket(new byte[600], 3);
        writer.WritePage(whole);
        second.AddPacket(new byte[600], 3);
        second.WritePage(pieces);

        Assert.Equal(whole.WrittenSpan.ToArray(), pieces.Written.ToArray());
    }

    /// <summary>Hands out 7-byte spans whatever is asked, like a pipe near a segment end.</summary>
    private sealed class TinySpanWriter : IBufferWriter<byte>
    {
        private readonly byte[] _scratch = new byte[7];

        public List<byte> Written { get; } = [];

        public void Advance(int count) => Written.AddRange(_scratch.AsSpan(0, count));

        public Memory<byte> GetMemory(int sizeHint = 0) => _scratch;

        public Span<byte> GetSpan(int sizeHint = 0) => _scratch;
    }
}
