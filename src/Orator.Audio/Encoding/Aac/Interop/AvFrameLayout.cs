using System.Runtime.InteropServices;

namespace Orator.Audio.Encoding.Aac.Interop;

/// <summary>
/// The <c>AVFrame</c> fields this binding touches (<c>libavutil/frame.h</c>, libavutil 57.28, LP64).
/// <c>AVFrame</c> has no <c>AVClass</c>, so the AVOptions API cannot reach it and its fields are
/// read and written by offset. The offsets were computed with gcc (<c>offsetof</c>) against the
/// installed header; <see cref="CheckDefaults"/> and <see cref="CheckAllocated"/> re-verify them
/// at startup against values libavutil itself writes, so a different build fails loudly, not silently.
/// </summary>
internal static unsafe class AvFrameLayout
{
    /// <summary><c>uint8_t *data[AV_NUM_DATA_POINTERS]</c> (8 pointers).</summary>
    public const int Data = 0;

    /// <summary><c>int linesize[AV_NUM_DATA_POINTERS]</c>.</summary>
    public const int LineSize = 64;

    /// <summary><c>uint8_t **extended_data</c>: points at <see cref="Data"/> for up to 8 planes.</summary>
    public const int ExtendedData = 96;

    /// <summary><c>int nb_samples</c>.</summary>
    public const int SampleCount = 112;

    /// <summary><c>int format</c> (an <c>AVSampleFormat</c> for audio).</summary>
    public const int Format = 116;

    /// <summary><c>int64_t pts</c>.</summary>
    public const int Pts = 136;

    /// <summary><c>int sample_rate</c>.</summary>
    public const int SampleRate = 208;

    /// <summary><c>AVChannelLayout ch_layout</c>: <c>{ int order; int nb_channels; uint64_t mask; void *opaque; }</c>, 24 bytes.</summary>
    public const int ChannelLayout = 448;

    /// <summary><c>ch_layout.nb_channels</c>.</summary>
    public const int ChannelLayoutChannels = ChannelLayout + 4;

    /// <summary>The first (for mono, only) plane: <c>data[0]</c>.</summary>
    public static float* Plane0(FrameHandle frame) => *(float**)(Base(frame) + Data);

    /// <summary>Sets <c>nb_samples</c>.</summary>
    public static void SetSampleCount(FrameHandle frame, int samples) => *(int*)(Base(frame) + SampleCount) = samples;

    /// <summary>Describes a mono frame of <paramref name="samples"/> samples, before <c>av_frame_get_buffer</c>.</summary>
    public static void DescribeMono(FrameHandle frame, int sampleFormat, int sampleRate, int samples)
    {
        byte* frameBase = Base(frame);
        *(int*)(frameBase + Format) = sampleFormat;
        *(int*)(frameBase + SampleRate) = sampleRate;
        *(int*)(frameBase + SampleCount) = samples;
        NativeMethods.DefaultChannelLayout(frameBase + ChannelLayout, 1);
    }

    /// <summary>
    /// On a frame straight from <c>av_frame_alloc</c>: the defaults <c>av_frame_unref</c> documents
    /// (format -1, pts <c>AV_NOPTS_VALUE</c>, <c>extended_data == data</c>, zero counts) sit at our offsets.
    /// </summary>
    /// <returns>Null when they do; otherwise what differs.</returns>
    public static string? CheckDefaults(FrameHandle frame)
    {
        byte* frameBase = Base(frame);
        if (*(byte**)(frameBase + ExtendedData) != frameBase + Data)
        {
            return "AVFrame.extended_data does not point at AVFrame.data";
        }

        if (*(int*)(frameBase + Format) != LibavConstants.SampleFormatNone || *(long*)(frameBase + Pts) != LibavConstants.NoTimestamp)
        {
            return "AVFrame.format/pts do not hold their defaults (-1, AV_NOPTS_VALUE)";
        }

        if (*(int*)(frameBase + SampleCount) != 0 || *(int*)(frameBase + SampleRate) != 0 || *(int*)(frameBase + ChannelLayoutChannels) != 0)
        {
            return "AVFrame.nb_samples/sample_rate/ch_layout are not zero on a new frame";
        }

        return null;
    }

    /// <summary>
    /// After <c>av_frame_get_buffer</c> (which reads format, nb_samples and ch_layout at the real
    /// offsets): the plane exists and <c>linesize[0]</c> is exactly what libavutil computes for
    /// one channel of <paramref name="samples"/> samples in <paramref name="sampleFormat"/>.
    /// </summary>
    /// <returns>Null when consistent; otherwise what differs.</returns>
    public static string? CheckAllocated(FrameHandle frame, int sampleFormat, int samples)
    {
        byte* frameBase = Base(frame);
        int expectedLineSize;
        if (NativeMethods.SamplesBufferSize(&expectedLineSize, 1, samples, sampleFormat, 0) < 0)
        {
            return "av_samples_get_buffer_size rejected the frame shape";
        }

        if (*(byte**)(frameBase + Data) == null || *(int*)(frameBase + LineSize) != expectedLineSize)
        {
            return $"AVFrame.data[0]/linesize[0] after av_frame_get_buffer are not a {samples}-sample plane (linesize {*(int*)(frameBase + LineSize)}, expected {expectedLineSize})";
        }

        return *(int*)(frameBase + ChannelLayoutChannels) == 1 ? null : "AVFrame.ch_layout.nb_channels is not 1 after describing a mono frame";
    }

    private static byte* Base(FrameHandle frame) => (byte*)frame.DangerousGetHandle();
}
