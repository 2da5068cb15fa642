namespace Orator.Audio.Metering;

/// <summary>
/// AAC in ADTS frames (ISO/IEC 14496-3 1.A.2): each frame's header gives its length, its sampling
/// frequency index and its raw data blocks, each of which decodes to 1024 samples. (HE-AAC signals
/// the core rate and decodes to twice the samples at twice the rate: the same seconds.)
/// </summary>
internal sealed class AdtsDurationParser : FramedDurationParser
{
    private const int Length = 7;
    private const int CrcLength = 2;
    private const int SamplesPerBlock = 1024;

    /// <summary>Sync, ID, layer, profile, sampling frequency index and channel configuration.</summary>
    private const uint StreamBits = 0xFFFEFDC0;

    private static readonly int[] SampleRates = [96000, 88200, 64000, 48000, 44100, 32000, 24000, 22050, 16000, 12000, 11025, 8000, 7350];

    public AdtsDurationParser()
        : base(Length)
    {
    }

    protected override int HeaderLength => Length;

    protected override bool TryReadHeader(ReadOnlySpan<byte> bytes, out FrameHeader header)
    {
        header = default;

        // Syncword 0xFFF, then layer 00 (the ID and protection bits may be either).
        if (bytes.Length < Length || bytes[0] != 0xFF || (bytes[1] & 0xF6) != 0xF0)
        {
            return false;
        }

        int frequencyIndex = (bytes[2] >> 2) & 0xF;
        bool protectionAbsent = (bytes[1] & 1) == 1;
        int frameLength = ((bytes[3] & 3) << 11) | (bytes[4] << 3) | (bytes[5] >> 5);
        int blocks = (bytes[6] & 3) + 1;
        if (frequencyIndex >= SampleRates.Length || frameLength < Length + (protectionAbsent ? 0 : CrcLength))
        {
            return false;
        }

        uint key = (uint)((bytes[0] << 24) | (bytes[1] << 16) | (bytes[2] << 8) | bytes[3]) & StreamBits;
        header = new FrameHeader(frameLength, blocks * SamplesPerBlock, SampleRates[frequencyIndex], key);
        return true;
    }
}
