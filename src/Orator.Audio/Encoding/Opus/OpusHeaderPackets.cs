using System.Buffers.Binary;

namespace Orator.Audio.Encoding.Opus;

/// <summary>The two header packets that open an Ogg Opus stream (RFC 7845 section 5).</summary>
internal static class OpusHeaderPackets
{
    /// <summary>Length of an identification header with channel mapping family 0.</summary>
    public const int HeadLength = 19;

    /// <summary>
    /// Writes the identification header ("OpusHead"): version 1, one channel, the pre-skip in
    /// 48 kHz samples, the original input rate (informational), output gain 0, mapping family 0.
    /// </summary>
    /// <returns>The number of bytes written (<see cref="HeadLength"/>).</returns>
    public static int WriteHead(Span<byte> destination, int preSkip, int inputSampleRate)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(preSkip);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(preSkip, ushort.MaxValue);
        Span<byte> head = destination[..HeadLength];
        "OpusHead"u8.CopyTo(head);
        head[8] = 1; // version
        head[9] = 1; // channel count
        BinaryPrimitives.WriteUInt16LittleEndian(head[10..], (ushort)preSkip);
        BinaryPrimitives.WriteUInt32LittleEndian(head[12..], (uint)inputSampleRate);
        BinaryPrimitives.WriteInt16LittleEndian(head[16..], 0); // output gain, Q7.8 dB
        head[18] = 0; // mapping family 0: mono or stereo, no mapping table
        return HeadLength;
    }

    /// <summary>Length of a comment header with <paramref name="vendor"/> and no user comments.</summary>
    public static int TagsLength(ReadOnlySpan<byte> vendor) => 8 + 4 + vendor.Length + 4;

    /// <summary>Writes the comment header ("OpusTags"): the UTF-8 vendor string and zero user comments.</summary>
    /// <returns>The number of bytes written (<see cref="TagsLength"/>).</returns>
    public static int WriteTags(Span<byte> destination, ReadOnlySpan<byte> vendor)
    {
        Span<byte> tags = destination[..TagsLength(vendor)];
        "OpusTags"u8.CopyTo(tags);
        BinaryPrimitives.WriteUInt32LittleEndian(tags[8..], (uint)vendor.Length);
        vendor.CopyTo(tags[12..]);
        BinaryPrimitives.WriteUInt32LittleEndian(tags[(12 + vendor.Length)..], 0); // user comment count
        return tags.Length;
    }
}
