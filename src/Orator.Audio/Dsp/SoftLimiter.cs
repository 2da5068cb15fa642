namespace Orator.Audio.Dsp;

/// <summary>
/// Gain above unity without clipping: samples are scaled linearly up to a knee at 70 % of full
/// scale, and above it bent along a tanh curve (same slope at the knee, so no corner is heard)
/// that approaches a ceiling of 98 % of full scale and never passes it. Memoryless, so the output does not
/// depend on how the stream is chunked, and allocation-free. The cost of memorylessness is some
/// harmonic distortion on peaks pushed far over the knee; for speech, whose peaks are rare, that
/// is far less audible than flat-topped clipping.
/// </summary>
internal static class SoftLimiter
{
    private const float FullScale = 32768f;
    private const float Knee = 0.7f;
    private const float Ceiling = 0.98f;
    private const float Span = Ceiling - Knee;

    /// <summary>The largest magnitude the limiter can output: the ceiling, rounded (tanh reaches 1 in float precision).</summary>
    public const short MaxOutput = 32113;

    /// <summary>Multiplies <paramref name="samples"/> by <paramref name="gain"/> in place, limiting the peaks above the knee.</summary>
    public static void Apply(Span<short> samples, float gain)
    {
        for (var i = 0; i < samples.Length; i++)
        {
            var level = samples[i] * gain / FullScale;
            var magnitude = MathF.Abs(level);
            if (magnitude > Knee)
            {
                magnitude = Knee + (Span * MathF.Tanh((magnitude - Knee) / Span));
                level = MathF.CopySign(magnitude, level);
            }

            // magnitude <= Ceiling, so the rounded value always fits a short.
            samples[i] = (short)MathF.Round(level * FullScale);
        }
    }
}
