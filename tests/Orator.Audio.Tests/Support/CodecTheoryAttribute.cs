using Orator.Audio.Encoding;

namespace Orator.Audio.Tests.Support;

/// <summary>
/// The theory form of <see cref="CodecFactAttribute"/>: every row runs only where the encoder for
/// a format can be created (and, with <see cref="RequiresFfmpeg"/>, where ffmpeg and ffprobe are
/// installed); elsewhere each is reported as skipped with the encoder's own availability message.
/// </summary>
internal sealed class CodecTheoryAttribute : TheoryAttribute
{
    private bool _requiresFfmpeg;

    /// <param name="format">The format whose encoder the test needs.</param>
    public CodecTheoryAttribute(AudioFormat format)
    {
        Skip = AudioEncoderFactory.ProblemFor(format);
    }

    /// <summary>Also skip when ffmpeg or ffprobe is missing.</summary>
    public bool RequiresFfmpeg
    {
        get => _requiresFfmpeg;
        set
        {
            _requiresFfmpeg = value;
            if (value && Skip is null)
            {
                Skip = Ffmpeg.Missing;
            }
        }
    }
}
