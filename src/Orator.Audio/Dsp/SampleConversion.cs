namespace Orator.Audio.Dsp;

/// <summary>Conversions between 16-bit PCM and the float working format (same scale, no normalisation).</summary>
internal static class SampleConversion
{
    /// <summary>Widens <paramref name="source"/> into <paramref name="destination"/>.</summary>
    public static void ToFloat(ReadOnlySpan<short> source, Span<float> destination)
    {
        destination = destination[..source.Length];
        for (int i = 0; i < source.Length; i++)
        {
            destination[i] = source[i];
        }
    }

    /// <summary>Rounds to nearest and clamps to the 16-bit range.</summary>
    public static short ToPcm16(float value)
    {
        float rounded = MathF.Round(value);
        if (rounded >= short.MaxValue)
        {
            return short.MaxValue;
        }

        if (rounded <= short.MinValue)
        {
            return short.MinValue;
        }

        // NaN cannot come out of finite FIR sums over PCM input; map it to silence anyway.
        return float.IsNaN(rounded) ? (short)0 : (short)rounded;
    }

    /// <summary>Rounds, clamps and narrows <paramref name="source"/> into <paramref name="destination"/>.</summary>
    public static void ToPcm16(ReadOnlySpan<float> source, Span<short> destination)
    {
        destination = destination[..source.Length];
        for (int i = 0; i < source.Length; i++)
        {
            destination[i] = ToPcm16(source[i]);
        }
    }

    /// <summary>Multiplies <paramref name="samples"/> by <paramref name="gain"/> in place, saturating at full scale.</summary>
    public static void ApplyGain(Span<short> samples, float gain)
    {
        for (var i = 0; i < samples.Length; i++)
        {
            samples[i] = ToPcm16(samples[i] * gain);
        }
    }
}
