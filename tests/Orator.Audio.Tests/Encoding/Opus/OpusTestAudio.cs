using System.Buffers;
using Orator.Audio.Encoding;

namespace Orator.Audio.Tests.Encoding.Opus;

/// <summary>The test signal and the chunked way the tests feed it to an encoder.</summary>
internal static class OpusTestAudio
{
    public const int SampleRate = 24000;

    /// <summary>The chunk sizes cycled through, from a single sample to several frames.</summary>
    public static readonly int[] ChunkSizes = [1, 37, 480, 4096, 10000];

    /// <summary>
    /// Speech-like: a 150 Hz voice with eight harmonics falling at 1/h, amplitude-modulated at 3 Hz
    /// (syllables that never quite fall silent) and a little white noise.
    /// </summary>
    public static short[] Speech(double seconds, int sampleRate = SampleRate, int seed = 11)
    {
        var random = new Random(seed);
        var samples = new short[(int)Math.Round(seconds * sampleRate)];
        for (int i = 0; i < samples.Length; i++)
        {
            double t = (double)i / sampleRate;
            double voice = 0;
            for (int h = 1; h <= 8; h++)
            {
                voice += Math.Sin(2 * Math.PI * 150 * h * t) / h;
            }

            double envelope = 0.55 + (0.45 * Math.Sin(2 * Math.PI * 3 * t));
            double noise = (random.NextDouble() - 0.5) * 0.04;
            samples[i] = (short)Math.Round(9000 * ((voice * envelope / 2.7) + noise));
        }

        return samples;
    }

    /// <summary>Chunk sizes cycling through <see cref="ChunkSizes"/> until <paramref name="length"/> is covered.</summary>
    public static IEnumerable<int> Chunks(int length)
    {
        int position = 0;
        for (int i = 0; position < length; i++)
        {
            int size = Math.Min(ChunkSizes[i % ChunkSizes.Length], length - position);
            yield return size;
            position += size;
        }
    }

    /// <summary>Header, the samples in <see cref="Chunks"/>, finish: the whole stream.</summary>
    public static byte[] EncodeInChunks(IAudioEncoder encoder, short[] samples)
    {
        var output = new ArrayBufferWriter<byte>();
        encoder.WriteHeader(output);
        int position = 0;
        foreach (int size in Chunks(samples.Length))
        {
            encoder.Encode(samples.AsSpan(position, size), output);
            position += size;
        }

        encoder.Finish(output);
        return output.WrittenSpan.ToArray();
    }

    /// <summary>The largest normalised cross-correlation over lags of up to ±<paramref name="maxLag"/> samples.</summary>
    public static (double Correlation, int Lag) BestCorrelation(ReadOnlySpan<short> reference, ReadOnlySpan<short> decoded, int maxLag)
    {
        double best = double.NegativeInfinity;
        int bestLag = 0;
        for (int lag = -maxLag; lag <= maxLag; lag++)
        {
            double cross = 0;
            double energyA = 0;
            double energyB = 0;
            for (int i = Math.Max(0, -lag); i < reference.Length && i + lag < decoded.Length; i++)
            {
                double a = reference[i];
                double b = decoded[i + lag];
                cross += a * b;
                energyA += a * a;
                energyB += b * b;
            }

            double correlation = cross / Math.Sqrt((energyA * energyB) + 1e-9);
            if (correlation > best)
            {
                best = correlation;
                bestLag = lag;
            }
        }

        return (best, bestLag);
    }
}
