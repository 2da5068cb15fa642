namespace Orator.Functional.Tests.Infrastructure;

/// <summary>Small measurements on decoded speech.</summary>
public static class Signal
{
    public static double Rms(ReadOnlySpan<short> samples)
    {
        if (samples.IsEmpty)
        {
            return 0;
        }

        double sum = 0;
        foreach (var s in samples)
        {
            sum += (double)s * s;
        }

        return Math.Sqrt(sum / samples.Length) / 32768.0;
    }

    /// <summary>
    /// Median fundamental frequency over voiced 40 ms frames (normalised autocorrelation,
    /// 60..400 Hz), or NaN when nothing is voiced.
    /// </summary>
    public static double MedianPitch(ReadOnlySpan<short> samples, int sampleRate)
    {
        var frame = sampleRate * 40 / 1000;
        var minLag = sampleRate / 400;
        var maxLag = sampleRate / 60;
        var pitches = new List<double>();
        var x = new double[frame + maxLag];
        for (var start = 0; start + frame + maxLag < samples.Length; start += frame / 2)
        {
            for (var i = 0; i < x.Length; i++)
            {
                x[i] = samples[start + i];
            }

            double energy = 0;
            for (var i = 0; i < frame; i++)
            {
                energy += x[i] * x[i];
            }

            if (energy / frame < 500 * 500)
            {
                continue;
            }

            var bestLag = -1;
            var best = 0.0;
            for (var lag = minLag; lag <= maxLag; lag++)
            {
                double num = 0, e2 = 0;
                for (var i = 0; i < frame; i++)
                {
                    num += x[i] * x[i + lag];
                    e2 += x[i + lag] * x[i + lag];
                }

                var r = num / Math.Sqrt(energy * e2 + 1e-9);
                if (r > best)
                {
                    best = r;
                    bestLag = lag;
                }
            }

            if (best > 0.6 && bestLag > 0)
            {
                pitches.Add(sampleRate / (double)bestLag);
            }
        }

        if (pitches.Count == 0)
        {
            return double.NaN;
        }

        pitches.Sort();
        return pitches[pitches.Count / 2];
    }

    /// <summary>Seconds of audio above a silence threshold (trims leading/trailing silence).</summary>
    public static double SpokenSeconds(ReadOnlySpan<short> samples, int sampleRate)
    {
        var first = -1;
        var last = -1;
        for (var i = 0; i < samples.Length; i++)
        {
            if (Math.Abs((int)samples[i]) > 300)
            {
                if (first < 0)
                {
                    first = i;
                }

                last = i;
            }
        }

        return first < 0 ? 0 : (last - first + 1) / (double)sampleRate;
    }

    /// <summary>
    /// The lag (decoded relative to source, 0..maxLag) with the highest normalised correlation,
    /// and that correlation: how much of the source survived a lossy codec.
    /// </summary>
    public static (int Lag, double Correlation) BestAlignment(short[] source, short[] decoded, int maxLag)
    {
        var best = (Lag: 0, Correlation: double.MinValue);
        for (var lag = 0; lag <= maxLag; lag += 1)
        {
            var n = Math.Min(source.Length, decoded.Length - lag);
            if (n <= 0)
            {
                break;
            }

            double xy = 0, xx = 0, yy = 0;
            for (var i = 0; i < n; i += 4)
            {
                double x = source[i], y = decoded[i + lag];
                xy += x * y;
                xx += x * x;
                yy += y * y;
            }

            var r = xy / Math.Sqrt((xx * yy) + 1e-9);
            if (r > best.Correlation)
            {
                best = (lag, r);
            }
        }

        return best;
    }

    /// <summary>Seconds of 10 ms frames whose RMS is above -40 dBFS: speech without its pauses.</summary>
    public static double VoicedSeconds(ReadOnlySpan<short> samples, int sampleRate)
    {
        var frame = sampleRate / 100;
        var voiced = 0;
        for (var start = 0; start + frame <= samples.Length; start += frame)
        {
            if (Rms(samples.Slice(start, frame)) > 0.01)
            {
                voiced++;
            }
        }

        return voiced / 100.0;
    }

    /// <summary>Runs of exact zeros at least <paramref name="minimumLength"/> long, as [start, end).</summary>
    public static List<(int Start, int End)> SilentRuns(ReadOnlySpan<short> samples, int minimumLength)
    {
        var runs = new List<(int, int)>();
        var i = 0;
        while (i < samples.Length)
        {
            if (samples[i] != 0)
            {
                i++;
                continue;
            }

            var start = i;
            while (i < samples.Length && samples[i] == 0)
            {
                i++;
            }

            if (i - start >= minimumLength)
            {
                runs.Add((start, i));
            }
        }

        return runs;
    }
}
