using Orator.Audio.Encoding.Opus;

namespace Orator.Audio.Tests.Encoding.Opus;

/// <summary>A fact that needs libopus; reported as skipped, with the reason, where it is missing.</summary>
internal sealed class OpusFactAttribute : FactAttribute
{
    public OpusFactAttribute()
    {
        if (!OpusEncoder.IsAvailable(out string? problem))
        {
            Skip = problem;
        }
    }
}

/// <summary>A fact that needs libopus, ffmpeg and ffprobe.</summary>
internal sealed class OpusWithFfmpegFactAttribute : FactAttribute
{
    public OpusWithFfmpegFactAttribute()
    {
        if (!OpusEncoder.IsAvailable(out string? problem))
        {
            Skip = problem;
        }
        else if (Ffmpeg.FfmpegPath is null || Ffmpeg.FfprobePath is null)
        {
            Skip = "ffmpeg and ffprobe are not installed.";
        }
    }
}
