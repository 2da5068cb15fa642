using System.Buffers.Binary;

namespace Orator.Audio.Metering;

/// <summary>
/// The 4-byte MPEG audio frame header (ISO/IEC 11172-3 and 13818-3: MPEG-1, MPEG-2 and the
/// MPEG-2.5 extension; Layers I, II and III). Free-format frames (bitrate index 0) have no length
/// in their header and are not read.
/// </summary>
internal static class MpegAudioHeader
{
    /// <summary>Bytes in the header.</summary>
    public const int Length = 4;

    /// <summary>Sync, version, layer and sample-rate bits: the same in every frame of a stream.</summary>
    private const uint StreamBits = 0xFFFE0C00;

    private const int Mpeg1 = 3;
    private const int LayerIII = 1;
    private const int LayerII = 2;
    private const int LayerI = 3;
    private const int Mono = 3;

    // Arrays, not ReadOnlySpan properties over collection expressions: those allocated per call here.
    // Sample rates by [version][index], version 0 = 2.5, 2 = MPEG-2, 3 = MPEG-1 (1 is reserved).
    private static readonly int[] SampleRates = [11025, 12000, 8000, 0, 0, 0, 22050, 24000, 16000, 44100, 48000, 32000];

    // Bitrates in kbps by bitrate index 1..14 (0 is free format, 15 is invalid).
    private static readonly short[] Mpeg1LayerI = [32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448];

    private static readonly short[] Mpeg1LayerII = [32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384];

    private static readonly short[] Mpeg1LayerIII = [32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320];

    private static readonly short[] Mpeg2LayerI = [32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256];

    private static readonly short[] Mpeg2LayersIIAndIII = [8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160];

    /// <summary>Reads the header at the start of <paramref name="bytes"/>; false for anything not a valid header.</summary>
    public static bool TryRead(ReadOnlySpan<byte> bytes, out FrameHeader header)
    {
        header = default;
        if (bytes.Length < Length)
        {
            return false;
        }

        uint h = BinaryPrimitives.ReadUInt32BigEndian(bytes);
        int version = (int)(h >> 19) & 3;
        int layer = (int)(h >> 17) & 3;
        int bitrateIndex = (int)(h >> 12) & 0xF;
        int rateIndex = (int)(h >> 10) & 3;
        int padding = (int)(h >> 9) & 1;
        int emphasis = (int)h & 3;
        if ((h & 0xFFE00000) != 0xFFE00000 || version == 1 || layer == 0
            || bitrateIndex == 0 || bitrateIndex == 15 || rateIndex == 3 || emphasis == 2)
        {
            return false;
        }

        int sampleRate = SampleRates[(version * 3) + rateIndex];
        bool mpeg1 = version == Mpeg1;
        int bitrate = 1000 * BitrateTable(mpeg1, layer)[bitrateIndex - 1];
        (int samples, int length) = layer switch
        {
            LayerI => (384, ((12 * bitrate / sampleRate) + padding) * 4),
            LayerII => (1152, (144 * bitrate / sampleRate) + padding),
            _ => mpeg1 ? (1152, (144 * bitrate / sampleRate) + padding) : (576, (72 * bitrate / sampleRate) + padding),
        };
        header = new FrameHeader(length, samples, sampleRate, h & StreamBits);
        return true;
    }

    /// <summary>
    /// Where a Xing/Info tag would start in a Layer III frame: after the header (and its CRC, when
    /// present) and the side information, whose size depends on version and channel count.
    /// </summary>
    public static int SideInfoEnd(ReadOnlySpan<byte> bytes, out bool hasCrc)
    {
        uint h = BinaryPrimitives.ReadUInt32BigEndian(bytes);
        bool mpeg1 = ((h >> 19) & 3) == Mpeg1;
        bool mono = ((h >> 6) & 3) == Mono;
        hasCrc = ((h >> 16) & 1) == 0;
        int sideInfo = mpeg1 ? (mono ? 17 : 32) : (mono ? 9 : 17);
        return Length + sideInfo;
    }

    /// <summary>Whether the header is Layer III (the only layer that carries Xing/Info/VBRI frames).</summary>
    public static bool IsLayerIII(ReadOnlySpan<byte> bytes) => ((bytes[1] >> 1) & 3) == LayerIII;

    private static short[] BitrateTable(bool mpeg1, int layer) => (mpeg1, layer) switch
    {
        (true, LayerI) => Mpeg1LayerI,
        (true, LayerII) => Mpeg1LayerII,
        (true, _) => Mpeg1LayerIII,
        (false, LayerI) => Mpeg2LayerI,
        _ => Mpeg2LayersIIAndIII,
    };
}
