using Orator.Audio.Encoding.Flac;

namespace Orator.Audio.Tests.Encoding.Flac;

/// <summary>A fact that runs only where libFLAC (and, when asked, ffmpeg) is installed; elsewhere it is skipped with the reason.</summary>
internal sealed class FlacFactAttribute : FactAttribute
{
    private bool _needsFfmpeg;

    public FlacFactAttribute()
    {
        if (!FlacEncoder.IsAvailable(out string? problem))
        {
            Skip = problem;
        }
    }

    /// <summary>Also skip when ffmpeg/ffprobe are missing.</summary>
    public bool NeedsFfmpeg
    {
        get => _needsFfmpeg;
        set
        {
            _needsFfmpeg = value;
            if (value && Skip is null)
            {
                Skip = Support.Ffmpeg.Missing;
            }
        }
    }
}
