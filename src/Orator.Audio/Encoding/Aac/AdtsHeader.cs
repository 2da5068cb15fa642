namespace Orator.Audio.Encoding.Aac;

/// <summary>
/// The 7-byte ADTS header (ISO/IEC 14496-3 1.A.2, no CRC) that turns each raw AAC frame from
/// libavcodec into a self-delimiting frame a player can start decoding anywhere, which is what lets
/// the response stream with no container header and no trailer.
/// </summary>
internal static class AdtsHeader
{
    /// <summary>Header length with <c>protection_absent = 1</c>.</summary>
    public const int Length = 7;

    /// <summary>Largest <c>aac_frame_length</c> (13 bits), header included.</summary>
    public const int MaxFrameLength = 0x1FFF;

    /// <summary><c>profile</c> = audio object type minus one; 1 is AAC LC.</summary>
    private const int ProfileLowComplexity = 1;

    /// <summary><c>adts_buffer_fullness</c> 0x7FF: variable bit rate.</summary>
    private const int BufferFullnessVariable = 0x7FF;

    /// <summary>The sample rates ADTS can signal, in <c>sampling_frequency_index</c> order.</summary>
    private static ReadOnlySpan<int> SampleRates => [96000, 88200, 64000, 48000, 44100, 32000, 24000, 22050, 16000, 12000, 11025, 8000, 7350];

    /// <summary>The <c>sampling_frequency_index</c> for <paramref name="sampleRate"/> (24000 Hz is 6).</summary>
    public static bool TryGetFrequencyIndex(int sampleRate, out int index)
    {
        index = SampleRates.IndexOf(sampleRate);
        return index >= 0;
    }

    /// <summary>The sample rates ADTS can signal, for error messages.</summary>
    public static string DescribeSampleRates() => string.Join(", ", SampleRates.ToArray());

    /// <summary>
    /// Writes the header of an MPEG-4 AAC LC frame of <paramref name="frameLength"/> bytes
    /// (header included) into the first <see cref="Length"/> bytes of <paramref name="destination"/>.
    /// </summary>
    public static void Write(Span<byte> destination, int frequencyIndex, int channelConfiguration, int frameLength)
    {
        destination = destination[..Length];
        destination[0] = 0xFF;                                   // syncword 0xFFF (high 8 bits)
        destination[1] = 0xF1;                                   // syncword low 4, ID 0 (MPEG-4), layer 00, protection_absent 1
        destination[2] = (byte)((ProfileLowComplexity << 6) | (frequencyIndex << 2) | (channelConfiguration >> 2)); // private bit 0
        destination[3] = (byte)(((channelConfiguration & 0x3) << 6) | (frameLength >> 11)); // original/home/copyright bits 0
        destination[4] = (byte)(frameLength >> 3);
        destination[5] = (byte)(((frameLength & 0x7) << 5) | (BufferFullnessVariable >> 6));
        destination[6] = (byte)((BufferFullnessVariable & 0x3F) << 2); // number_of_raw_data_blocks_in_frame - 1 = 0
    }
}
