using System.Buffers.Binary;

namespace Orator.Audio.Tests.Encoding.Opus;

/// <summary>One parsed Ogg page (RFC 3533 section 6), checked independently of the encoder's writer.</summary>
internal sealed record OggPage(
    int Offset,
    byte Version,
    byte Flags,
    long GranulePosition,
    uint SerialNumber,
    uint SequenceNumber,
    uint StoredCrc,
    uint ComputedCrc,
    IReadOnlyList<byte[]> Packets,
    bool EndsWithPartialPacket)
{
    public bool IsContinued => (Flags & 0x01) != 0;

    public bool IsBeginningOfStream => (Flags & 0x02) != 0;

    public bool IsEndOfStream => (Flags & 0x04) != 0;
}

/// <summary>A small test-side Ogg parser: pages, lacing and CRCs.</summary>
internal static class OggStream
{
    public static List<OggPage> Parse(ReadOnlySpan<byte> data)
    {
        var pages = new List<OggPage>();
        int offset = 0;
        while (offset < data.Length)
        {
            ReadOnlySpan<byte> header = data[offset..];
            Assert.True(header.Length >= 27, $"truncated page header at byte {offset}");
            Assert.True(header[..4].SequenceEqual("OggS"u8), $"no capture pattern at byte {offset}");
            int segments = header[26];
            int[] lacing = header.Slice(27, segments).ToArray().Select(b => (int)b).ToArray();
            int headerLength = 27 + segments;
            int bodyLength = lacing.Sum();
            ReadOnlySpan<byte> page = data.Slice(offset, headerLength + bodyLength);

            byte[] copy = page.ToArray();
            copy.AsSpan(22, 4).Clear();
            var packets = new List<byte[]>();
            int position = headerLength;
            int start = position;
            foreach (int value in lacing)
            {
                position += value;
                if (value < 255)
                {
                    packets.Add(page[start..position].ToArray());
                    start = position;
                }
            }

            pages.Add(new OggPage(
                offset,
                header[4],
                header[5],
                BinaryPrimitives.ReadInt64LittleEndian(header[6..]),
                BinaryPrimitives.ReadUInt32LittleEndian(header[14..]),
                BinaryPrimitives.ReadUInt32LittleEndian(header[18..]),
                BinaryPrimitives.ReadUInt32LittleEndian(header[22..]),
                BitwiseCrc(copy),
                packets,
                lacing.Length > 0 && lacing[^1] == 255));
            offset += page.Length;
        }

        return pages;
    }

    /// <summary>CRC-32, polynomial 0x04C11DB7, MSB first, init 0, no final XOR, one bit at a time.</summary>
    public static uint BitwiseCrc(ReadOnlySpan<byte> data)
    {
        uint crc = 0;
        foreach (byte value in data)
        {
            crc ^= (uint)value << 24;
            for (int bit = 0; bit < 8; bit++)
            {
                crc = (crc & 0x80000000) != 0 ? (crc << 1) ^ 0x04C11DB7 : crc << 1;
            }
        }

        return crc;
    }
}
