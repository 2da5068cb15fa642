namespace Orator.Audio.Encoding.Aac.Interop;

/// <summary>Values of FFmpeg 5.1 macros and enums this binding uses (from the installed headers).</summary>
internal static class LibavConstants
{
    /// <summary><c>LIBAVCODEC_VERSION_MAJOR</c> the layouts were taken from.</summary>
    public const uint CodecMajor = 59;

    /// <summary><c>LIBAVUTIL_VERSION_MAJOR</c> the layouts were taken from.</summary>
    public const uint UtilMajor = 57;

    /// <summary><c>AVERROR(EAGAIN)</c> on Linux: output is not ready until more input is sent.</summary>
    public const int ErrorAgain = -11;

    /// <summary><c>AVERROR_EOF</c> = <c>-MKTAG('E','O','F',' ')</c>: the encoder is fully drained.</summary>
    public const int ErrorEndOfFile = -0x20464F45;

    /// <summary><c>AV_LOG_ERROR</c>: only errors reach the log callback.</summary>
    public const int LogError = 16;

    /// <summary><c>AV_SAMPLE_FMT_NONE</c>.</summary>
    public const int SampleFormatNone = -1;

    /// <summary><c>AV_SAMPLE_FMT_FLTP</c>: 32-bit float, planar; the only input the native aac encoder takes.</summary>
    public const int SampleFormatFloatPlanar = 8;

    /// <summary><c>AV_NOPTS_VALUE</c>.</summary>
    public const long NoTimestamp = long.MinValue;

    /// <summary><c>AV_OPT_TYPE_INT</c>.</summary>
    public const int OptionTypeInt = 1;
}
