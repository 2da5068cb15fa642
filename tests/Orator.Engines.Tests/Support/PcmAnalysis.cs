namespace Orator.Engines.Tests.Support;

/// <summary>Small DSP measurements used to check what the engines produce.</summary>
internal static class PcmAnalysis
{
    /// <summary>Root mean square of the whole signal, in sample units (0..32768).</summary>
    public static double Rms(ReadOnlySpan<short> samples)
    {
        if (samples.IsEmpty)
        {
            return 0;
        }

        double sum = 0;
        foreach (var sample in samples)
        {
            sum += (double)sample * sample;
        }

        return Math.Sqrt(sum / samples.Length);
    }

    /// <summary>
    /// Median fundamental frequency over the voiced frames, by normalised autocorrelation:
    /// 40 ms frames every 10 ms, lags for 60..500 Hz, frames quieter than 5% of the loudest
    /// frame's energy or with a correlation peak under 0.6 counted as unvoiced.
    /// </summary>
    public static double MedianF0(ReadOnlySpan<short> samples, int sampleRate)
    {
        var frame = sampleRate * 40 / 1000;
        var hop = sampleRate * 10 / 1000;
        var minLag = sampleRate / 500;
        var maxLag = sampleRate / 60;
        var last = samples.Length - frame - maxLag;
        if (last <= 0)
        {
            return 0;
        }

        double loudest = 0;
        for (var start = 0; start < last; start += hop)
        {
            loudest = Math.Max(loudest, Energy(samples.Slice(start, frame)));
        }

        var pitches = new List<double>();
        for (var start = 0; start < last; start += hop)
        {
            var window = samples.Slice(start, frame);
            var energy = Energy(window);
            if (energy < loudest * 0.05)
            {
                continue;
            }

            var (bestLag, bestCorrelation) = (0, 0.0);
            for (var lag = minLag; lag <= maxLag; lag++)
            {
                var shifted = samples.Slice(start + lag, frame);
                double cross = 0;
                for (var i = 0; i < frame; i++)
                {
                    cross += (double)window[i] * shifted[i];
                }

                var correlation = cross / Math.Sqrt((energy * Energy(shifted)) + 1e-9);
                if (correlation > bestCorrelation)
                {
                    (bestLag, bestCorrelation) = (lag, correlation);
                }
            }

            if (bestCorrelation > 0.6)
            {
                pitches.Add((double)sampleRate / bestLag);
            }
        }

        if (pitches.Count == 0)
        {
            return 0;
        }

        pitches.Sort();
        return pitches[pitches.Count / 2];
    }

    private static double Energy(ReadOnlySpan<short> samples)
    {
        double sum = 0;
        foreach (var sample in samples)
        {
            sum += (double)sample * sample;
        }

        return sum;
    }
}
