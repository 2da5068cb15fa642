namespace Orator.Audio.Encoding.Aac.Interop;

/// <summary>
/// The <c>AVPacket</c> fields this binding reads (<c>libavcodec/packet.h</c>, libavcodec 59.37,
/// LP64), by offset: the struct has no <c>AVClass</c>. Offsets were computed with gcc
/// (<c>offsetof</c>) against the installed header; <see cref="Check"/> re-verifies them at startup.
/// </summary>
internal static unsafe class AvPacketLayout
{
    /// <summary><c>int64_t pts</c>.</summary>
    public const int Pts = 8;

    /// <summary><c>int64_t dts</c>.</summary>
    public const int Dts = 16;

    /// <summary><c>uint8_t *data</c>.</summary>
    public const int Data = 24;

    /// <summary><c>int size</c>.</summary>
    public const int Size = 32;

    /// <summary><c>int64_t pos</c>.</summary>
    public const int Position = 72;

    /// <summary>The payload of <paramref name="packet"/>: <c>data</c> and <c>size</c>.</summary>
    public static ReadOnlySpan<byte> Payload(PacketHandle packet)
    {
        byte* packetBase = (byte*)packet.DangerousGetHandle();
        return new ReadOnlySpan<byte>(*(byte**)(packetBase + Data), *(int*)(packetBase + Size));
    }

    /// <summary>
    /// On a packet straight from <c>av_packet_alloc</c>: the documented defaults (pts and dts
    /// <c>AV_NOPTS_VALUE</c>, pos -1, no data) sit at our offsets, and <c>av_new_packet</c> /
    /// <c>av_packet_unref</c> set and clear <c>data</c> and <c>size</c> where we read them.
    /// </summary>
    /// <returns>Null when they do; otherwise what differs.</returns>
    public static string? Check(PacketHandle packet)
    {
        const int probeSize = 100;
        byte* packetBase = (byte*)packet.DangerousGetHandle();
        if (*(long*)(packetBase + Pts) != LibavConstants.NoTimestamp
            || *(long*)(packetBase + Dts) != LibavConstants.NoTimestamp
            || *(long*)(packetBase + Position) != -1)
        {
            return "AVPacket.pts/dts/pos do not hold their defaults (AV_NOPTS_VALUE, AV_NOPTS_VALUE, -1)";
        }

        if (*(byte**)(packetBase + Data) != null || *(int*)(packetBase + Size) != 0)
        {
            return "AVPacket.data/size are not empty on a new packet";
        }

        if (NativeMethods.NewPacket(packet, probeSize) < 0)
        {
            return "av_new_packet failed";
        }

        bool filled = *(byte**)(packetBase + Data) != null && *(int*)(packetBase + Size) == probeSize;
        NativeMethods.UnrefPacket(packet);
        bool emptied = *(byte**)(packetBase + Data) == null && *(int*)(packetBase + Size) == 0;
        return filled && emptied ? null : "AVPacket.data/size do not follow av_new_packet and av_packet_unref";
    }
}
