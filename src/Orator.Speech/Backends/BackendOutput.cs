using Orator.Core.Audio;

namespace Orator.Speech.Backends;

/// <summary>
/// Where a backend writes: the PCM sink (when it announced PCM) or the encoded sink (when it
/// announced encoded bytes). The other one is null.
/// </summary>
public sealed class BackendOutput
{
    private BackendOutput(IPcmSink? pcm, IEncodedAudioSink? encoded)
    {
        Pcm = pcm;
        Encoded = encoded;
    }

    /// <summary>Joined, processed and encoded by the renderer.</summary>
    public IPcmSink? Pcm { get; }

    /// <summary>Passed through to the client unchanged.</summary>
    public IEncodedAudioSink? Encoded { get; }

    /// <summary>An output taking PCM.</summary>
    public static BackendOutput ForPcm(IPcmSink sink) => new(sink ?? throw new ArgumentNullException(nameof(sink)), null);

    /// <summary>An output taking encoded bytes.</summary>
    public static BackendOutput ForEncoded(IEncodedAudioSink sink) => new(null, sink ?? throw new ArgumentNullException(nameof(sink)));
}
