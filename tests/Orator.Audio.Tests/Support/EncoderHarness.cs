using System.Buffers;
using System.Diagnostics;
using Orator.Audio.Encoding;

namespace Orator.Audio.Tests.Support;

/// <summary>Drives an <see cref="IAudioEncoder"/> the way the server does and measures it.</summary>
internal static class EncoderHarness
{
    /// <summary>The chunk sizes the streaming tests cycle through: tiny, odd, typical and large.</summary>
    public static readonly int[] VaryingChunks = [1, 37, 480, 4096, 10000];

    /// <summary>WriteHeader, Encode in chunks cycling through <paramref name="chunkSizes"/>, Finish.</summary>
    public static byte[] EncodeAll(IAudioEncoder encoder, ReadOnlySpan<short> pcm, IReadOnlyList<int> chunkSizes)
    {
        var output = new ArrayBufferWriter<byte>();
        encoder.WriteHeader(output);
        int position = 0;
        for (int i = 0; position < pcm.Length; i++)
        {
            int size = Math.Min(chunkSizes[i % chunkSizes.Count], pcm.Length - position);
            encoder.Encode(pcm.Slice(position, size), output);
            position += size;
        }

        encoder.Finish(output);
        return output.WrittenSpan.ToArray();
    }

    /// <summary>A whole stream from a new encoder for <paramref name="format"/>: header, chunks cycling through <see cref="VaryingChunks"/>, finish.</summary>
    public static byte[] EncodeStream(AudioFormat format, int sampleRate, ReadOnlySpan<short> pcm)
    {
        using IAudioEncoder encoder = AudioEncoderFactory.Create(format, sampleRate);
        return EncodeAll(encoder, pcm, VaryingChunks);
    }

    /// <summary>Chunk sizes cycling through <see cref="VaryingChunks"/> until <paramref name="length"/> samples are covered.</summary>
    public static IEnumerable<int> Chunks(int length)
    {
        int position = 0;
        for (int i = 0; position < length; i++)
        {
            int size = Math.Min(VaryingChunks[i % VaryingChunks.Length], length - position);
            yield return size;
            position += size;
        }
    }

    /// <summary>Encode only (no header, no finish), in chunks cycling through <see cref="VaryingChunks"/>.</summary>
    public static void EncodeInChunks(IAudioEncoder encoder, ReadOnlySpan<short> pcm, IBufferWriter<byte> output)
    {
        int position = 0;
        foreach (int size in Chunks(pcm.Length))
        {
            encoder.Encode(pcm.Slice(position, size), output);
            position += size;
        }
    }

    /// <summary>Bytes allocated on this thread while encoding 100 chunks of 480 samples after a warm-up.</summary>
    public static long AllocatedWhileEncoding(IAudioEncoder encoder, short[] pcm)
    {
        var output = new FixedBufferWriter(4 << 20);
        encoder.WriteHeader(output);
        const int chunk = 480;
        for (int i = 0; i < 50; i++)
        {
            encoder.Encode(pcm.AsSpan(i * chunk % (pcm.Length - chunk), chunk), output);
        }

        output.Reset();
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100; i++)
        {
            encoder.Encode(pcm.AsSpan(i * chunk % (pcm.Length - chunk), chunk), output);
        }

        long after = GC.GetAllocatedBytesForCurrentThread();
        Assert.True(output.WrittenCount > 0, "the encoder produced nothing to measure");
        return after - before;
    }

    /// <summary>
    /// Creates, uses and disposes <paramref name="count"/> encoders (every other one without Finish)
    /// and returns the growth of the managed heap and of the working set, in bytes.
    /// </summary>
    public static (long Managed, long WorkingSet) GrowthAfterManyEncoders(Func<IAudioEncoder> create, short[] pcm, int count)
    {
        var output = new ArrayBufferWriter<byte>(256 << 10);
        void Cycle(int n)
        {
            using IAudioEncoder encoder = create();
            output.ResetWrittenCount();
            encoder.WriteHeader(output);
            encoder.Encode(pcm, output);
            if (n % 2 == 0)
            {
                encoder.Finish(output);
            }
        }

        for (int i = 0; i < 100; i++)
        {
            Cycle(i);
        }

        long managedBefore = Settle();
        long workingSetBefore = Environment.WorkingSet;
        for (int i = 0; i < count; i++)
        {
            Cycle(i);
        }

        long managedAfter = Settle();
        return (managedAfter - managedBefore, Environment.WorkingSet - workingSetBefore);
    }

    /// <summary>Seconds of audio encoded per wall-clock second, best of <paramref name="runs"/>.</summary>
    public static double RealtimeFactor(Func<IAudioEncoder> create, short[] pcm, int sampleRate, int chunk, int runs = 3)
    {
        var output = new ArrayBufferWriter<byte>(pcm.Length * 2 + 65536);
        double best = 0;
        for (int run = 0; run < runs; run++)
        {
            output.ResetWrittenCount();
            var clock = Stopwatch.StartNew();
            using (IAudioEncoder encoder = create())
            {
                encoder.WriteHeader(output);
                for (int position = 0; position < pcm.Length; position += chunk)
                {
                    encoder.Encode(pcm.AsSpan(position, Math.Min(chunk, pcm.Length - position)), output);
                }

                encoder.Finish(output);
            }

            clock.Stop();
            best = Math.Max(best, (double)pcm.Length / sampleRate / clock.Elapsed.TotalSeconds);
        }

        return best;
    }

    /// <summary>ffmpeg's speed on the same PCM: (wall clock incl. process start, ffmpeg's own -benchmark rtime).</summary>
    public static async Task<(double Wall, double Benchmark)> FfmpegRealtimeFactorAsync(short[] pcm, int sampleRate, params string[] codecArguments)
    {
        byte[] raw = new byte[pcm.Length * 2];
        Buffer.BlockCopy(pcm, 0, raw, 0, raw.Length);
        using var input = new TempFile(raw, ".raw");
        using var output = new TempFile(".out");
        double bestWall = 0;
        double bestBenchmark = 0;
        for (int run = 0; run < 3; run++)
        {
            string[] arguments =
            [
                "-nostdin", "-hide_banner", "-nostats", "-benchmark", "-y",
                "-f", "s16le", "-ar", sampleRate.ToString(), "-ac", "1", "-i", input.Path,
                .. codecArguments, output.Path,
            ];
            FfmpegResult result = await Ffmpeg.RunFfmpegAsync(arguments);
            Assert.True(result.ExitCode == 0, result.Error);
            double seconds = (double)pcm.Length / sampleRate;
            bestWall = Math.Max(bestWall, seconds / result.Elapsed.TotalSeconds);
            System.Text.RegularExpressions.Match rtime = System.Text.RegularExpressions.Regex.Match(result.Error, @"rtime=([0-9.]+)s");
            if (rtime.Success)
            {
                bestBenchmark = Math.Max(bestBenchmark, seconds / double.Parse(rtime.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return (bestWall, bestBenchmark);
    }

    /// <summary>The process's working set after a full collection with finalizers run: native memory included.</summary>
    public static long SettledWorkingSet()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var process = Process.GetCurrentProcess();
        return process.WorkingSet64;
    }

    private static long Settle()
    {
        for (int i = 0; i < 3; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }

        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
