using System.Collections.Concurrent;

namespace Orator.Audio.Resampling;

/// <summary>
/// The immutable coefficient table of a rational L/M resampler: one Kaiser-windowed sinc
/// sampled at L phases, each phase a row of <see cref="TapsPerPhase"/> taps. Tables are cached
/// per rate pair, so creating a resampler per request costs no filter design.
/// </summary>
internal sealed class PolyphaseFilterBank
{
    /// <summary>Stopband attenuation the Kaiser window is designed for.</summary>
    public const double StopbandAttenuationDb = 80;

    /// <summary>Passband edge as a fraction of the lower of the two Nyquist frequencies.</summary>
    public const double PassbandEdge = 0.90;

    /// <summary>Upper bound on the number of phases, which keeps the table under ~2 MB.</summary>
    public const int MaxPhases = 4096;

    private static readonly ConcurrentDictionary<(int In, int Out), PolyphaseFilterBank> Cache = new();

    private readonly float[] _coefficients;

    private PolyphaseFilterBank(int inputRate, int outputRate)
    {
        int gcd = GreatestCommonDivisor(inputRate, outputRate);
        Interpolation = outputRate / gcd;
        Decimation = inputRate / gcd;
        if (Interpolation > MaxPhases)
        {
            throw new NotSupportedException(
                $"Resampling {inputRate} Hz to {outputRate} Hz needs {Interpolation} filter phases; at most {MaxPhases} are supported.");
        }

        // Frequencies in cycles per input sample. The stopband starts at the lower Nyquist
        // frequency, so nothing above the output Nyquist aliases and no spectral image survives.
        double lowerRate = Math.Min(inputRate, outputRate) / (double)inputRate;
        double stopEdge = 0.5 * lowerRate;
        double passEdge = PassbandEdge * stopEdge;
        double cutoff = 0.5 * (passEdge + stopEdge);
        double length = KaiserWindow.LengthFor(StopbandAttenuationDb, stopEdge - passEdge);

        // A multiple of 8 keeps each row (2 * HalfWidth taps) a whole number of SIMD vectors.
        HalfWidth = (int)Math.Ceiling(length / 16) * 8;
        TapsPerPhase = 2 * HalfWidth;
        double beta = KaiserWindow.BetaFor(StopbandAttenuationDb);

        _coefficients = new float[Interpolation * TapsPerPhase];
        var row = new double[TapsPerPhase];
        for (int phase = 0; phase < Interpolation; phase++)
        {
            double sum = 0;
            for (int k = 0; k < TapsPerPhase; k++)
            {
                // Tap k multiplies input sample (i - HalfWidth + 1 + k) for an output instant i + phase/L.
                double t = ((double)phase / Interpolation) + HalfWidth - 1 - k;
                double value = 2 * cutoff * Sinc(2 * cutoff * t) * KaiserWindow.Value(t, HalfWidth, beta);
                row[k] = value;
                sum += value;
            }

            // Unit DC gain on every phase; otherwise the small per-phase differences would
            // modulate a constant signal at the phase rate.
            for (int k = 0; k < TapsPerPhase; k++)
            {
                _coefficients[(phase * TapsPerPhase) + k] = (float)(row[k] / sum);
            }
        }
    }

    /// <summary>L: output samples per <see cref="Decimation"/> input samples (the number of phases).</summary>
    public int Interpolation { get; }

    /// <summary>M: input samples per <see cref="Interpolation"/> output samples.</summary>
    public int Decimation { get; }

    /// <summary>Filter half-length in input samples; also the look-ahead the resampler needs.</summary>
    public int HalfWidth { get; }

    /// <summary>Taps per phase (2 * <see cref="HalfWidth"/>).</summary>
    public int TapsPerPhase { get; }

    /// <summary>Returns the (cached) filter bank for <paramref name="inputRate"/> to <paramref name="outputRate"/>.</summary>
    public static PolyphaseFilterBank For(int inputRate, int outputRate) =>
        Cache.GetOrAdd((inputRate, outputRate), static key => new PolyphaseFilterBank(key.In, key.Out));

    /// <summary>The taps of one phase.</summary>
    public ReadOnlySpan<float> Phase(int phase) => _coefficients.AsSpan(phase * TapsPerPhase, TapsPerPhase);

    private static double Sinc(double x) => x == 0 ? 1 : Math.Sin(Math.PI * x) / (Math.PI * x);

    private static int GreatestCommonDivisor(int a, int b)
    {
        while (b != 0)
        {
            (a, b) = (b, a % b);
        }

        return a;
    }
}
