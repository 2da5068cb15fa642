namespace Orator.Audio.Metering;

/// <summary>
/// The FLAC frame header (RFC 9639 section 9.1): 14-bit sync, blocking strategy, block size and
/// sample rate codes, channels, sample size, the frame or sample number (UTF-8-style, 1..7 bytes),
/// the block size or sample rate when coded at the end, and a CRC-8 (polynomial 0x07) over all of it.
/// </summary>
internal static class FlacFrameHeader
{
    /// <summary>The longest header: 4 fixed bytes, a 7-byte number, 2 + 2 bytes at the end, the CRC.</summary>
    public const int MaxLength = 16;

    /// <summary>Bytes needed before <see cref="LengthOf"/> can tell the header's length.</summary>
    public const int PrefixLength = 5;

    private static readonly int[] SampleRates = [0, 88200, 176400, 192000, 8000, 16000, 22050, 24000, 32000, 44100, 48000, 96000];

    private static readonly sbyte[] SampleSizes = [0, 8, 12, -1, 16, 20, 24, 32];

    /// <summary>
    /// Checks the fixed part (first <see cref="PrefixLength"/> bytes) against <paramref name="info"/>
    /// and returns the whole header's length, or 0 when these bytes cannot start a frame header.
    /// </summary>
    public static int LengthOf(ReadOnlySpan<byte> bytes, in FlacStreamInfo info)
    {
        if (bytes[0] != 0xFF || (bytes[1] & 0xFE) != 0xF8)
        {
            return 0;
        }

        int blockCode = bytes[2] >> 4;
        int rateCode = bytes[2] & 0xF;
        int channelCode = bytes[3] >> 4;
        int sizeCode = (bytes[3] >> 1) & 0x7;
        int numberLength = NumberLength(bytes[4]);
        if (blockCode == 0 || rateCode == 15 || channelCode > 10 || SampleSizes[sizeCode] < 0 || (bytes[3] & 1) != 0 || numberLength == 0)
        {
            return 0;
        }

        // Anything the header states must agree with STREAMINFO: a false sync in frame data rarely does.
        int channels = channelCode < 8 ? channelCode + 1 : 2;
        bool rateAgrees = rateCode is 0 or >= 12 || SampleRates[rateCode] == info.SampleRate;
        bool sizeAgrees = sizeCode == 0 || SampleSizes[sizeCode] == info.BitsPerSample;
        if (channels != info.Channels || !rateAgrees || !sizeAgrees)
        {
            return 0;
        }

        int blockBytes = blockCode switch { 6 => 1, 7 => 2, _ => 0 };
        int rateBytes = rateCode switch { 12 => 1, 13 or 14 => 2, _ => 0 };
        return 4 + numberLength + blockBytes + rateBytes + 1;
    }

    /// <summary>
    /// Reads a whole header of <paramref name="length"/> bytes (from <see cref="LengthOf"/>): false
    /// when its number is malformed or its CRC-8 does not match.
    /// </summary>
    /// <param name="bytes">The header.</param>
    /// <param name="length">Its length.</param>
    /// <param name="variableBlocking">True when <paramref name="number"/> is a sample number, false when a frame number.</param>
    /// <param name="number">The frame number (fixed block size) or the first sample's number (variable).</param>
    /// <param name="blockSize">Samples per channel in the frame.</param>
    public static bool TryRead(ReadOnlySpan<byte> bytes, int length, out bool variableBlocking, out long number, out int blockSize)
    {
        variableBlocking = (bytes[1] & 1) == 1;
        number = 0;
        blockSize = 0;
        ReadOnlySpan<byte> header = bytes[..length];
        if (Crc8(header[..^1]) != header[^1])
        {
            return false;
        }

        int numberLength = NumberLength(header[4]);
        if (!variableBlocking && numberLength > 6)
        {
            return false;
        }

        number = numberLength == 1 ? header[4] : header[4] & (0x7F >> numberLength);
        for (int i = 5; i < 4 + numberLength; i++)
        {
            if ((header[i] & 0xC0) != 0x80)
            {
                return false;
            }

            number = (number << 6) + (header[i] & 0x3F);
        }

        int end = 4 + numberLength;
        int blockCode = header[2] >> 4;
        blockSize = blockCode switch
        {
            1 => 192,
            <= 5 => 576 << (blockCode - 2),
            6 => header[end] + 1,
            7 => ((header[end] << 8) | header[end + 1]) + 1,
            _ => 256 << (blockCode - 8),
        };
        return true;
    }

    /// <summary>Bytes of the coded number that starts with <paramref name="first"/>, or 0 when no number starts so.</summary>
    private static int NumberLength(byte first) => first switch
    {
        < 0x80 => 1,
        < 0xC0 => 0,
        < 0xE0 => 2,
        < 0xF0 => 3,
        < 0xF8 => 4,
        < 0xFC => 5,
        < 0xFE => 6,
        0xFE => 7,
        _ => 0,
    };

    private static byte Crc8(ReadOnlySpan<byte> bytes)
    {
        // Bitwise: a header is at most 15 bytes, and only sync candidates are checked.
        int crc = 0;
        foreach (byte b in bytes)
        {
            crc ^= b;
            for (int bit = 0; bit < 8; bit++)
            {
                crc = (crc & 0x80) != 0 ? (crc << 1) ^ 0x07 : crc << 1;
            }
        }

        return (byte)crc;
    }
}
