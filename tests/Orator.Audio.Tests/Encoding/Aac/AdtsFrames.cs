namespace Orator.Audio.Tests.Encoding.Aac;

/// <summary>One parsed ADTS header (ISO/IEC 14496-3 1.A.2).</summary>
internal sealed record AdtsFrame(
    int Offset, int Id, int Layer, bool ProtectionAbsent, int Profile, int FrequencyIndex,
    int PrivateBit, int ChannelConfiguration, int FrameLength, int BufferFullness, int RawDataBlocks);

/// <summary>Walks an ADTS stream frame by frame.</summary>
internal static class AdtsFrames
{
    /// <summary>Parses every frame; fails the test when a syncword is missing or a length overruns the stream.</summary>
    public static List<AdtsFrame> Parse(ReadOnlySpan<byte> stream)
    {
        var frames = new List<AdtsFrame>();
        int offset = 0;
        while (offset < stream.Length)
        {
            Assert.True(stream.Length - offset >= 7, $"A truncated ADTS header at byte {offset}.");
            ReadOnlySpan<byte> h = stream[offset..];
            Assert.True(h[0] == 0xFF && (h[1] & 0xF0) == 0xF0, $"No ADTS syncword at byte {offset} (frame {frames.Count}).");
            var frame = new AdtsFrame(
                offset,
                Id: (h[1] >> 3) & 1,
                Layer: (h[1] >> 1) & 3,
                ProtectionAbsent: (h[1] & 1) == 1,
                Profile: h[2] >> 6,
                FrequencyIndex: (h[2] >> 2) & 0xF,
                PrivateBit: (h[2] >> 1) & 1,
                ChannelConfiguration: ((h[2] & 1) << 2) | (h[3] >> 6),
                FrameLength: ((h[3] & 3) << 11) | (h[4] << 3) | (h[5] >> 5),
                BufferFullness: ((h[5] & 0x1F) << 6) | (h[6] >> 2),
                RawDataBlocks: h[6] & 3);
            Assert.True(frame.FrameLength > 7, $"ADTS frame {frames.Count} has length {frame.FrameLength}.");
            Assert.True(offset + frame.FrameLength <= stream.Length, $"ADTS frame {frames.Count} runs past the end of the stream.");
            frames.Add(frame);
            offset += frame.FrameLength;
        }

        return frames;
    }
}
