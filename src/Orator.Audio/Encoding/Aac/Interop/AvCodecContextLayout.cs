namespace Orator.Audio.Encoding.Aac.Interop;

/// <summary>
/// The one <c>AVCodecContext</c> field that the AVOptions API cannot reach in libavcodec 59:
/// <c>sample_fmt</c> (every other setting goes through <c>av_opt_*</c>). Offsets are from
/// <c>libavcodec/avcodec.h</c> via gcc <c>offsetof</c>; <see cref="Check"/> confirms them with the
/// library's own option table: "ac" (<c>channels</c>) and "frame_size" bracket <c>sample_fmt</c>,
/// the only 4-byte field between them.
/// </summary>
internal static unsafe class AvCodecContextLayout
{
    /// <summary><c>int channels</c> (deprecated, option "ac").</summary>
    public const int Channels = 356;

    /// <summary><c>enum AVSampleFormat sample_fmt</c>.</summary>
    public const int SampleFormat = 360;

    /// <summary><c>int frame_size</c> (option "frame_size").</summary>
    public const int FrameSize = 364;

    /// <summary>Sets <c>sample_fmt</c>; only valid before <c>avcodec_open2</c>.</summary>
    public static void SetSampleFormat(CodecContextHandle context, int sampleFormat) =>
        *(int*)((byte*)context.DangerousGetHandle() + SampleFormat) = sampleFormat;

    /// <summary>On a context straight from <c>avcodec_alloc_context3</c>: the offsets agree with libavcodec's option table and defaults.</summary>
    /// <returns>Null when they do; otherwise what differs.</returns>
    public static string? Check(CodecContextHandle context)
    {
        if (OffsetOf(context, "ac") != Channels || OffsetOf(context, "frame_size") != FrameSize)
        {
            return $"AVCodecContext options 'ac'/'frame_size' are at {OffsetOf(context, "ac")}/{OffsetOf(context, "frame_size")}, expected {Channels}/{FrameSize}";
        }

        int current = *(int*)((byte*)context.DangerousGetHandle() + SampleFormat);
        return current == LibavConstants.SampleFormatNone ? null : $"AVCodecContext.sample_fmt does not hold its default AV_SAMPLE_FMT_NONE (found {current})";
    }

    private static int OffsetOf(CodecContextHandle context, string option)
    {
        AvOption* found = NativeMethods.OptFind(context, option, null, 0, 0);
        return found == null || found->Type != LibavConstants.OptionTypeInt ? -1 : found->Offset;
    }
}
