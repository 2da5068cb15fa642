namespace Orator.Core.Audio;

/// <summary>The response formats of the speech API.</summary>
public enum AudioFormat
{
    /// <summary>MPEG audio Layer III (MPEG-2 Layer III at the API's 24 kHz).</summary>
    Mp3,
    /// <summary>Opus in an Ogg container.</summary>
    Opus,
    /// <summary>AAC-LC in ADTS framing.</summary>
    Aac,
    /// <summary>Free Lossless Audio Codec.</summary>
    Flac,
    /// <summary>RIFF WAVE, 16-bit PCM, streamed with unknown sizes.</summary>
    Wav,
    /// <summary>Raw signed 16-bit little-endian mono PCM at 24 kHz.</summary>
    Pcm,
}
