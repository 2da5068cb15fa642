using Orator.Core.Audio;

namespace Orator.Audio.Encoding;

/// <summary>Creates the <see cref="IAudioEncoder"/> for a response format.</summary>
public static class AudioEncoderFactory
{
    /// <summary>The sample rate (Hz) of every API response: 24 kHz mono, as the OpenAI speech API uses.</summary>
    public const int OutputSampleRate = 24000;

    private static readonly AudioFormat[] Supported = [AudioFormat.Wav, AudioFormat.Pcm];

    /// <summary>The formats <see cref="Create"/> can build today.</summary>
    public static IReadOnlyList<AudioFormat> SupportedFormats => Supported;

    /// <summary>True when <see cref="Create"/> can build an encoder for <paramref name="format"/>.</summary>
    public static bool IsSupported(AudioFormat format) => Array.IndexOf(Supported, format) >= 0;

    /// <summary>Creates an encoder for <paramref name="format"/> that takes mono PCM at <paramref name="sampleRate"/> Hz.</summary>
    /// <exception cref="NotSupportedException">No encoder for <paramref name="format"/> is available yet.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="sampleRate"/> is not positive.</exception>
    public static IAudioEncoder Create(AudioFormat format, int sampleRate) => format switch
    {
        AudioFormat.Wav => new WavEncoder(sampleRate),
        AudioFormat.Pcm => new PcmEncoder(sampleRate),
        _ => throw new NotSupportedException(
            $"The '{format.ToString().ToLowerInvariant()}' response format is not supported yet; supported formats: {string.Join(", ", Supported.Select(f => f.ToString().ToLowerInvariant()))}."),
    };
}
