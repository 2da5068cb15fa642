using Orator.Audio.Encoding.Opus.Interop;

namespace Orator.Audio.Encoding.Opus;

/// <summary>The libopus coding mode (<c>OPUS_APPLICATION_*</c>), chosen when the encoder is created.</summary>
internal enum OpusApplication
{
    /// <summary>Tuned for speech intelligibility: prefers SILK and hybrid modes, adds a high-pass filter.</summary>
    Voip = NativeMethods.ApplicationVoip,

    /// <summary>Tuned for faithfulness to the input: prefers the CELT (MDCT) mode.</summary>
    Audio = NativeMethods.ApplicationAudio,
}
