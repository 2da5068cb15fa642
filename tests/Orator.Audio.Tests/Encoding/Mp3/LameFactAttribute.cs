using Orator.Audio.Encoding.Mp3;

namespace Orator.Audio.Tests.Encoding.Mp3;

/// <summary>A fact that runs only where LAME (and, when asked, ffmpeg) is installed; elsewhere it is skipped with the reason.</summary>
internal sealed class LameFactAttribute : FactAttribute
{
    private bool _needsFfmpeg;

    public LameFactAttribute()
    {
        if (!Mp3Encoder.IsAvailable(out string? problem))
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
