using Orator.Audio.Encoding.Aac;
using Orator.Audio.Encoding.Flac;
using Orator.Audio.Encoding.Mp3;
using Orator.Audio.Encoding.Opus;
using Orator.Core.Audio;

namespace Orator.Audio.Encoding;

/// <summary>
/// Creates the encoder for a response format. Native codec libraries are probed once; a missing
/// one disables only its format, with a message that names the package to install.
/// </summary>
public static class AudioEncoderFactory
{
    /// <summary>The sample rate every encoder receives: the API's 24 kHz mono.</summary>
    public const int OutputSampleRate = 24000;

    private static readonly Lazy<EncoderAvailability[]> s_availability = new(Probe);

    /// <summary>Every format with its availability, in the API's order.</summary>
    public static IReadOnlyList<EncoderAvailability> Availability => s_availability.Value;

    /// <summary>The formats that can be produced here.</summary>
    public static IReadOnlyList<AudioFormat> SupportedFormats => [.. Availability.Where(a => a.IsAvailable).Select(a => a.Format)];

    /// <summary>True when <paramref name="format"/> can be produced here.</summary>
    public static bool IsSupported(AudioFormat format) => ProblemFor(format) is null;

    /// <summary>Why <paramref name="format"/> cannot be produced, or null when it can.</summary>
    public static string? ProblemFor(AudioFormat format) => Availability.First(a => a.Format == format).Problem;

    /// <summary>Creates an encoder; throws <see cref="NotSupportedException"/> (with the fix) when its library is missing.</summary>
    public static IAudioEncoder Create(AudioFormat format, int sampleRate)
    {
        if (ProblemFor(format) is { } problem)
        {
            throw new NotSupportedException(problem);
        }

        return format switch
        {
            AudioFormat.Mp3 => new Mp3Encoder(sampleRate),
            AudioFormat.Opus => new OpusEncoder(sampleRate),
            AudioFormat.Aac => new AacEncoder(sampleRate),
            AudioFormat.Flac => new FlacEncoder(sampleRate),
            AudioFormat.Wav => new WavEncoder(sampleRate),
            AudioFormat.Pcm => new PcmEncoder(sampleRate),
            _ => throw new NotSupportedException($"No encoder for {format}."),
        };
    }

    private static EncoderAvailability[] Probe() =>
    [
        new(AudioFormat.Mp3, Mp3Encoder.IsAvailable(out var mp3) ? null : mp3),
        new(AudioFormat.Opus, OpusEncoder.IsAvailable(out var opus) ? null : opus),
        new(AudioFormat.Aac, AacEncoder.IsAvailable(out var aac) ? null : aac),
        new(AudioFormat.Flac, FlacEncoder.IsAvailable(out var flac) ? null : flac),
        new(AudioFormat.Wav, null),
        new(AudioFormat.Pcm, null),
    ];
}
