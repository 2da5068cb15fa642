using Orator.Core.Engines;

namespace Orator.Engines.EspeakNg;

/// <summary>Maps <see cref="Prosody"/> onto espeak-ng's parameters.</summary>
internal static class EspeakProsody
{
    /// <summary><c>espeakRATE_NORMAL</c>: the voice's natural pace, words per minute.</summary>
    public const float NormalWordsPerMinute = 175f;

    /// <summary><c>espeakRATE_MINIMUM</c>: espeak-ng clamps anything slower to this.</summary>
    public const float MinimumWordsPerMinute = 80f;

    /// <summary>
    /// Measured median F0, relative to the voice's own, for <c>espeakPITCH</c> 0, 10, ..., 100
    /// (en-us, de, fr-fr and cmn agree within 0.04). The scale is not linear in F0, so it is
    /// inverted through this table rather than taken as 50 times the multiplier.
    /// </summary>
    private static ReadOnlySpan<float> F0RatioByPitchStep =>
        [0.67f, 0.72f, 0.76f, 0.83f, 0.91f, 1f, 1.10f, 1.23f, 1.36f, 1.52f, 1.68f];

    /// <summary>Lowest pitch multiplier espeak-ng can produce (<c>espeakPITCH</c> 0).</summary>
    public static float MinimumPitch => F0RatioByPitchStep[0];

    /// <summary>Highest pitch multiplier espeak-ng can produce (<c>espeakPITCH</c> 100).</summary>
    public static float MaximumPitch => F0RatioByPitchStep[^1];

    /// <summary>Words per minute for a tempo multiplier, within the range espeak-ng honours.</summary>
    public static int WordsPerMinute(float rate, RateRange range)
    {
        var clamped = float.IsFinite(rate) && rate > 0 ? range.Clamp(rate) : 1f;
        return (int)MathF.Round(NormalWordsPerMinute * clamped);
    }

    /// <summary>
    /// <c>espeakPITCH</c> (0..100, 50 = the voice's own) that multiplies the voice's F0 by
    /// <paramref name="pitch"/>, clamped to what espeak-ng can do (about 0.67x to 1.68x).
    /// </summary>
    public static int Pitch(float pitch)
    {
        var ratios = F0RatioByPitchStep;
        var target = float.IsFinite(pitch) && pitch > 0 ? Math.Clamp(pitch, ratios[0], ratios[^1]) : 1f;
        var step = 0;
        while (step < ratios.Length - 2 && target > ratios[step + 1])
        {
            step++;
        }

        var fraction = (target - ratios[step]) / (ratios[step + 1] - ratios[step]);
        return (int)MathF.Round((step + fraction) * 10f);
    }
}
