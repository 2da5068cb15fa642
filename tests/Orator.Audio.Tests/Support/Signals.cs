namespace Orator.Audio.Tests.Support;

/// <summary>Test signals and the measurements the tests make on them.</summary>
internal static class Signals
{
    /// <summary>The rate the API serves, at which the encoder tests run: 24 kHz.</summary>
    public const int Rate = 24000;

    public static short[] Sine(int sampleRate, double frequency, double seconds, double amplitude = 16000)
    {
        var samples = new short[(int)Math.Round(seconds * sampleRate)];
        for (int i = 0; i < samples.Length; i++)
        {
            samples[i] = (short)Math.Round(amplitude * Math.Sin(2 * Math.PI * frequency * i / sampleRate));
        }

        return samples;
    }

    /// <summary>A steady tone with harmonics 1, 2, 3 at amplitudes 1, 0.5, 0.25 (times <paramref name="amplitude"/>).</summary>
    public static short[] HarmonicTone(int sampleRate, double fundamental, double seconds, double amplitude = 12000)
    {
        var samples = new short[(int)Math.Round(seconds * sampleRate)];
        for (int i = 0; i < samples.Length; i++)
        {
            double t = (double)i / sampleRate;
            double value = Math.Sin(2 * Math.PI * fundamental * t)
                + (0.5 * Math.Sin(2 * Math.PI * 2 * fundamental * t))
                + (0.25 * Math.Sin(2 * Math.PI * 3 * fundamental * t));
            samples[i] = (short)Math.Round(amplitude * value / 1.75);
        }

        return samples;
    }

    /// <summary>
    /// Speech-like: a harmonic voice whose pitch glides between 100 and 180 Hz, amplitude-modulated
    /// into ~4 syllables per second with short pauses, plus a little noise.
    /// </summary>
    public static short[] SpeechLike(int sampleRate, double seconds, int seed = 7)
    {
        var random = new Random(seed);
        var samples = new short[(int)Math.Round(seconds * sampleRate)];
        double phase = 0;
        for (int i = 0; i < samples.Length; i++)
        {
            double t = (double)i / sampleRate;
            double f0 = 140 + (40 * Math.Sin(2 * Math.PI * 0.7 * t));
            phase += 2 * Math.PI * f0 / sampleRate;
            double voice = 0;
            for (int h = 1; h <= 12; h++)
            {
                voice += Math.Sin(h * phase) / h;
            }

            double syllable = Math.Max(0, Math.Sin(2 * Math.PI * 4 * t));
            double noise = (random.NextDouble() - 0.5) * 0.05;
            samples[i] = (short)Math.Round(8000 * ((voice * syllable) + noise));
        }

        return samples;
    }

    /// <summary>
    /// A steadier speech-like signal, for the codec tests: a 150 Hz voice with eight harmonics at 1/h
    /// (scaled by their sum, so it cannot clip), amplitude-modulated at 3 Hz between 0.1 and 1
    /// (syllables that never quite fall silent), plus a little white noise.
    /// </summary>
    public static short[] HarmonicVoice(int sampleRate, double seconds, int seed = 11)
    {
        const int harmonics = 8;
        double peak = 0;
        for (int h = 1; h <= harmonics; h++)
        {
            peak += 1.0 / h;
        }

        var random = new Random(seed);
        var samples = new short[(int)Math.Round(seconds * sampleRate)];
        for (int i = 0; i < samples.Length; i++)
        {
            double t = (double)i / sampleRate;
            double voice = 0;
            for (int h = 1; h <= harmonics; h++)
            {
                voice += Math.Sin(2 * Math.PI * 150 * h * t) / h;
            }

            double envelope = 0.55 + (0.45 * Math.Sin(2 * Math.PI * 3 * t));
            double noise = (random.NextDouble() - 0.5) * 0.04;
            samples[i] = (short)Math.Round(9000 * ((voice * envelope / peak) + noise));
        }

        return samples;
    }

    public static double Rms(ReadOnlySpan<short> samples)
    {
        double sum = 0;
        foreach (short s in samples)
        {
            sum += (double)s * s;
        }

        return Math.Sqrt(sum / samples.Length);
    }

    public static double Decibels(double ratio) => 20 * Math.Log10(ratio);

    /// <summary>Frequency from linearly interpolated upward zero crossings.</summary>
    public static double ZeroCrossingFrequency(ReadOnlySpan<short> samples, int sampleRate)
    {
        double first = double.NaN;
        double last = double.NaN;
        int crossings = 0;
        for (int i = 1; i < samples.Length; i++)
        {
            if (samples[i - 1] < 0 && samples[i] >= 0)
            {
                double at = i - 1 + ((double)-samples[i - 1] / (samples[i] - samples[i - 1]));
                if (crossings == 0)
                {
                    first = at;
                }

                last = at;
                crossings++;
            }
        }

        return (crossings - 1) * sampleRate / (last - first);
    }

    /// <summary>Magnitude of the (Hann-windowed) spectrum at <paramref name="frequency"/>, by Goertzel.</summary>
    public static double Magnitude(ReadOnlySpan<short> samples, int sampleRate, double frequency)
    {
        double coefficient = 2 * Math.Cos(2 * Math.PI * frequency / sampleRate);
        double s1 = 0;
        double s2 = 0;
        for (int i = 0; i < samples.Length; i++)
        {
            double window = 0.5 - (0.5 * Math.Cos(2 * Math.PI * i / samples.Length));
            double s0 = (samples[i] * window) + (coefficient * s1) - s2;
            s2 = s1;
            s1 = s0;
        }

        return Math.Sqrt(Math.Max((s1 * s1) + (s2 * s2) - (coefficient * s1 * s2), 0));
    }

    /// <summary>The frequency with the largest magnitude in [<paramref name="from"/>, <paramref name="to"/>], in 0.5 Hz steps.</summary>
    public static double DominantFrequency(ReadOnlySpan<short> samples, int sampleRate, double from, double to)
    {
        double best = from;
        double bestMagnitude = -1;
        for (double f = from; f <= to; f += 0.5)
        {
            double magnitude = Magnitude(samples, sampleRate, f);
            if (magnitude > bestMagnitude)
            {
                bestMagnitude = magnitude;
                best = f;
            }
        }

        return best;
    }

    public static int MaxStep(ReadOnlySpan<short> samples)
    {
        int max = 0;
        for (int i = 1; i < samples.Length; i++)
        {
            max = Math.Max(max, Math.Abs(samples[i] - samples[i - 1]));
        }

        return max;
    }

    /// <summary>Splits <paramref name="length"/> into random chunk sizes from 1 to <paramref name="maxChunk"/>, starting with a few 1s.</summary>
    public static IEnumerable<int> RandomChunks(int length, int maxChunk, int seed)
    {
        var random = new Random(seed);
        int position = 0;
        int ones = 0;
        while (position < length)
        {
            int size = ones++ < 5 ? 1 : random.Next(1, maxChunk + 1);
            size = Math.Min(size, length - position);
            yield return size;
            position += size;
        }
    }
}
