namespace Orator.Audio.Metering;

/// <summary>
/// MP3 (MPEG audio, any version and layer): the sum of every frame's samples over its sample rate.
/// A Xing/Info or VBRI frame at the start is a valid but silent frame that carries the stream's
/// frame count, not audio, so it is not counted.
/// </summary>
internal sealed class Mp3DurationParser : FramedDurationParser
{
    /// <summary>The VBRI tag sits at a fixed offset: header plus 32 bytes.</summary>
    private const int VbriOffset = MpegAudioHeader.Length + 32;

    /// <summary>The furthest tag end: MPEG-1 stereo side info after the header and its CRC, plus the 4-byte tag.</summary>
    private const int ProbeLength = MpegAudioHeader.Length + 2 + 32 + 4;

    public Mp3DurationParser()
        : base(ProbeLength)
    {
    }

    protected override int HeaderLength => MpegAudioHeader.Length;

    protected override bool TryReadHeader(ReadOnlySpan<byte> bytes, out FrameHeader header) => MpegAudioHeader.TryRead(bytes, out header);

    protected override int FirstFrameProbeLength(in FrameHeader header) => ProbeLength;

    protected override bool IsMetadataFrame(ReadOnlySpan<byte> frameStart, in FrameHeader header)
    {
        if (!MpegAudioHeader.IsLayerIII(frameStart))
        {
            return false;
        }

        int tagAt = MpegAudioHeader.SideInfoEnd(frameStart, out bool hasCrc);

        // Writers differ on whether a CRC shifts the tag; both places are looked at.
        return IsXingOrInfo(frameStart, tagAt)
            || (hasCrc && IsXingOrInfo(frameStart, tagAt + 2))
            || HasTag(frameStart, VbriOffset, "VBRI"u8);
    }

    private static bool IsXingOrInfo(ReadOnlySpan<byte> frame, int at) => HasTag(frame, at, "Xing"u8) || HasTag(frame, at, "Info"u8);

    private static bool HasTag(ReadOnlySpan<byte> frame, int at, ReadOnlySpan<byte> tag) =>
        frame.Length >= at + tag.Length && frame.Slice(at, tag.Length).SequenceEqual(tag);
}
