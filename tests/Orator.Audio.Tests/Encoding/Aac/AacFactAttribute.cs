using Orator.Audio.Encoding.Aac;

namespace Orator.Audio.Tests.Encoding.Aac;

/// <summary>
/// A fact that runs only where libavcodec's aac encoder loads (and, with <see cref="RequiresFfmpeg"/>,
/// where ffmpeg and ffprobe are installed); elsewhere it is skipped with the reason.
/// </summary>
internal sealed class AacFactAttribute : FactAttribute
{
    private bool _requiresFfmpeg;

    public AacFactAttribute()
    {
        if (!AacEncoder.IsAvailable(out string? problem))
        {
            Skip = problem;
        }
    }

    public bool RequiresFfmpeg
    {
        get => _requiresFfmpeg;
        set
        {
            _requiresFfmpeg = value;
            if (value && Skip is null && FfmpegTool.Missing is { } missing)
            {
                Skip = missing;
            }
        }
    }
}
