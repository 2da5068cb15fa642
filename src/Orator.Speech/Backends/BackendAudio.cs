using Orator.Core.Audio;

namespace Orator.Speech.Backends;

/// <summary>What a backend delivers for a plan: PCM at a sample rate, or bytes encoded in a format.</summary>
public readonly record struct BackendAudio
{
    private BackendAudio(int sampleRate, AudioFormat? encoded)
    {
        SampleRate = sampleRate;
        EncodedFormat = encoded;
    }

    /// <summary>The PCM sample rate (Hz), when <see cref="IsPcm"/>.</summary>
    public int SampleRate { get; }

    /// <summary>The format of the bytes, when the backend delivers encoded audio.</summary>
    public AudioFormat? EncodedFormat { get; }

    /// <summary>True when the backend writes 16-bit mono PCM.</summary>
    public bool IsPcm => EncodedFormat is null;

    /// <summary>16-bit mono PCM at <paramref name="sampleRate"/>.</summary>
    public static BackendAudio Pcm(int sampleRate)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sampleRate);
        return new BackendAudio(sampleRate, null);
    }

    /// <summary>Bytes already encoded in <paramref name="format"/>.</summary>
    public static BackendAudio Encoded(AudioFormat format) => new(0, format);
}
