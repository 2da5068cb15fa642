namespace Orator.Audio.Resampling;

/// <summary>The Kaiser window and Kaiser's empirical design formulas for windowed-sinc FIR filters.</summary>
internal static class KaiserWindow
{
    /// <summary>Shape parameter beta giving roughly <paramref name="attenuationDb"/> of stopband attenuation.</summary>
    public static double BetaFor(double attenuationDb) => attenuationDb switch
    {
        > 50 => 0.1102 * (attenuationDb - 8.7),
        >= 21 => (0.5842 * Math.Pow(attenuationDb - 21, 0.4)) + (0.07886 * (attenuationDb - 21)),
        _ => 0,
    };

    /// <summary>
    /// Filter length (in samples) needed for <paramref name="attenuationDb"/> with a transition band
    /// of <paramref name="transitionWidth"/> cycles per sample.
    /// </summary>
    public static double LengthFor(double attenuationDb, double transitionWidth) =>
        (attenuationDb - 7.95) / (2.285 * 2 * Math.PI * transitionWidth);

    /// <summary>
    /// The window at <paramref name="t"/> for a window spanning [-<paramref name="halfWidth"/>, <paramref name="halfWidth"/>];
    /// zero outside.
    /// </summary>
    public static double Value(double t, double halfWidth, double beta)
    {
        double r = t / halfWidth;
        if (r is < -1 or > 1)
        {
            return 0;
        }

        return BesselI0(beta * Math.Sqrt(1 - (r * r))) / BesselI0(beta);
    }

    /// <summary>Modified Bessel function of the first kind, order zero, by its power series.</summary>
    private static double BesselI0(double x)
    {
        double sum = 1;
        double term = 1;
        double halfX = x / 2;
        for (int k = 1; k < 200; k++)
        {
            double f = halfX / k;
            term *= f * f;
            sum += term;
            if (term < sum * 1e-17)
            {
                break;
            }
        }

        return sum;
    }
}
