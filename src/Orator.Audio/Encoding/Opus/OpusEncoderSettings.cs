namespace Orator.Audio.Encoding.Opus;

/// <summary>
/// Tuning for <see cref="OpusEncoder"/>. The defaults are the measured choices recorded in
/// docs/architecture/encoder-opus.md; the other values exist so tests and benchmarks can compare.
/// </summary>
internal sealed record OpusEncoderSettings
{
    /// <summary>The measured defaults.</summary>
    public static OpusEncoderSettings Default { get; } = new();

    /// <summary>Target bitrate in bits per second (libopus accepts 500 to 512000; VBR).</summary>
    public int Bitrate { get; init; } = 32000;

    /// <summary>
    /// libopus complexity, 0 (fastest) to 10 (best). 5 is the fastest setting before libopus 1.3
    /// turns on its signal analysis at 7, which made encoding about six times slower for a small gain.
    /// </summary>
    public int Complexity { get; init; } = 5;

    /// <summary>The coding mode; <see cref="OpusApplication.Audio"/> kept synthetic speech closest to the source.</summary>
    public OpusApplication Application { get; init; } = OpusApplication.Audio;

    /// <summary>
    /// Resample to 48 kHz even when the input rate is one libopus encodes natively
    /// (8, 12, 16, 24 or 48 kHz); other input rates are always resampled to 48 kHz.
    /// </summary>
    public bool ResampleTo48kHz { get; init; }
}
