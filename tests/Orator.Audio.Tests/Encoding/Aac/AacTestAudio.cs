using System.Buffers;
using Orator.Audio.Encoding.Aac;

namespace Orator.Audio.Tests.Encoding.Aac;

/// <summary>The test signal, the chunking it is fed with, and the measurements made on the decoded result.</summary>
internal static class AacTestAudio
{
    public const int SampleRate = 24000;

    /// <summary>Chunk sizes cycled through when feeding the encoder, from single samples to several frames.</summary>
    public static readonly int[] ChunkSizes = [1, 37, 480, 4096, 10000];

    /// <summary>
    /// Speech-like: a 150 Hz voice with six harmonics (amplitude 1/h), amplitude-modulated into
    /// four "syllables" a second, plus a little white noise.
    /// </summary>
    public static short[] SpeechLike(double seconds, int seed = 11)
    {
        var random = new Random(seed);
        var samples = new short[(int)Math.Round(seconds * SampleRate)];
        for (int i = 0; i < samples.Length; i++)
        {
            double t = (double)i / SampleRate;
            double voice = 0;
            for (int h = 1; h <= 6; h++)
            {
                voice += Math.Sin(2 * Math.PI * 150 * h * t) / h;
            }

            double envelope = 0.55 + (0.45 * Math.Sin(2 * Math.PI * 4 * t));
            double noise = (random.NextDouble() - 0.5) * 0.04;
            samples[i] = (short)Math.Round(9000 * ((voice * envelope / 2.45) + noise));
        }

        return samples;
    }

    /// <summary>Feeds <paramref name="samples"/> in chunks cycling through <see cref="ChunkSizes"/>.</summary>
    public static void EncodeInChunks(AacEncoder encoder, ReadOnlySpan<short> samples, IBufferWriter<byte> output)
    {
        int position = 0;
        for (int chunk = 0; position < samples.Length; chunk++)
        {
            int size = Math.Min(ChunkSizes[chunk % ChunkSizes.Length], samples.Length - position);
            encoder.Encode(samples.Slice(position, size), output);
            position += size;
        }
    }

    /// <summary>A whole stream: header, chunked samples, finish.</summary>
    public static byte[] EncodeStream(ReadOnlySpan<short> samples)
    {
        using var encoder = new AacEncoder(SampleRate);
        var output = new ArrayBufferWriter<byte>();
        encoder.WriteHeader(output);
        EncodeInChunks(encoder, samples, output);
        encoder.Finish(output);
        return output.WrittenSpan.ToArray();
    }

    /// <summary>
    /// The lag (decoded index minus source index) in ±<paramref name="maxLag"/> with the highest
    /// normalised correlation over the whole signal. Normalising matters: the raw cross product
    /// favours lags that line up louder decoded samples, and one pitch period (160 samples) off
    /// still correlates at 0.99 for this periodic voice.
    /// </summary>
    public static int BestLag(short[] source, short[] decoded, int maxLag)
    {
        int best = 0;
        double bestScore = double.NegativeInfinity;
        for (int lag = -maxLag; lag <= maxLag; lag++)
        {
            double score = Correlation(source, decoded, lag);
            if (score > bestScore)
            {
                bestScore = score;
                best = lag;
            }
        }

        return best;
    }

    /// <summary>Normalised correlation of the source with the decoded signal shifted by <paramref name="lag"/>, over their overlap.</summary>
    public static double Correlation(short[] source, short[] decoded, int lag)
    {
        double cross = 0;
        double sourceEnergy = 0;
        double decodedEnergy = 0;
        for (int i = 0; i < source.Length; i++)
        {
            int j = i + lag;
            if (j < 0 || j >= decoded.Length)
            {
                continue;
            }

            cross += (double)source[i] * decoded[j];
            sourceEnergy += (double)source[i] * source[i];
            decodedEnergy += (double)decoded[j] * decoded[j];
        }

        return cross / Math.Sqrt(sourceEnergy * decodedEnergy);
    }
}
