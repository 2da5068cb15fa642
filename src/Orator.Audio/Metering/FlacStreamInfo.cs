namespace Orator.Audio.Metering;

/// <summary>The fields of a FLAC STREAMINFO block that frame headers are checked against (RFC 9639 section 8.2).</summary>
/// <param name="SampleRate">Samples per second.</param>
/// <param name="Channels">Channel count, 1..8.</param>
/// <param name="BitsPerSample">Bits per sample, 4..32.</param>
internal readonly record struct FlacStreamInfo(int SampleRate, int Channels, int BitsPerSample)
{
    /// <summary>The bytes of the block's body that hold these fields.</summary>
    public const int FieldsLength = 14;

    /// <summary>Reads the fields from the start of a STREAMINFO body.</summary>
    public static FlacStreamInfo Read(ReadOnlySpan<byte> body)
    {
        // After min/max block size (2 + 2) and min/max frame size (3 + 3): 20 bits of sample
        // rate, 3 of channels - 1, 5 of bits per sample - 1.
        int sampleRate = (body[10] << 12) | (body[11] << 4) | (body[12] >> 4);
        int channels = ((body[12] >> 1) & 0x7) + 1;
        int bitsPerSample = (((body[12] & 1) << 4) | (body[13] >> 4)) + 1;
        return new FlacStreamInfo(sampleRate, channels, bitsPerSample);
    }
}
