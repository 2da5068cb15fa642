using System.Diagnostics;
using System.Runtime.InteropServices;
using Orator.Audio.Encoding.Aac;

namespace Orator.Audio.Tests.Encoding.Aac;

/// <summary>Encoding speed in-process versus the ffmpeg command line on the same PCM; reported, not asserted.</summary>
[Collection(EncoderMeasurementCollection.Name)]
public sealed class AacEncoderThroughputTests(ITestOutputHelper log)
{
    private const double Seconds = 60;
    private const int Runs = 3;

    /// <summary>The server's pipeline hands encoders blocks of at most 4,096 samples.</summary>
    private const int Block = 4096;

    [CodecFact(AudioFormat.Aac, RequiresFfmpeg = true)]
    public async Task Throughput_is_reported_against_the_ffmpeg_cli()
    {
        short[] source = Signals.HarmonicVoice(Signals.Rate, Seconds);
        using var raw = new TempFile(MemoryMarshal.AsBytes(source.AsSpan()).ToArray(), ".raw");
        var output = new FixedBufferWriter(4 << 20);
        EncodeInProcess(source, output); // warm-up: JIT and library loading

        var inProcess = new List<double>();
        var cli = new List<double>();
        for (int run = 0; run < Runs; run++)
        {
            inProcess.Add(EncodeInProcess(source, output));
            cli.Add(await EncodeWithCliAsync(raw.Path));
        }

        double ours = Seconds / Median(inProcess);
        double theirs = Seconds / Median(cli);
        log.WriteLine($"AAC 64 kbit/s, {Seconds:F0} s of 24 kHz mono, median of {Runs}: in-process {ours:F0}x real time, " +
            $"ffmpeg CLI {theirs:F0}x real time (ratio {ours / theirs:F2}); {output.WrittenCount} bytes.");
        Assert.True(output.WrittenCount > 0);
    }

    /// <summary>Seconds to create an encoder, encode everything and finish, as the server does per request.</summary>
    private static double EncodeInProcess(short[] source, FixedBufferWriter output)
    {
        output.Reset();
        var clock = Stopwatch.StartNew();
        using var encoder = new AacEncoder(Signals.Rate);
        for (int position = 0; position < source.Length; position += Block)
        {
            encoder.Encode(source.AsSpan(position, Math.Min(Block, source.Length - position)), output);
        }

        encoder.Finish(output);
        return clock.Elapsed.TotalSeconds;
    }

    private static async Task<double> EncodeWithCliAsync(string rawPath)
    {
        var clock = Stopwatch.StartNew();
        FfmpegResult result = await Ffmpeg.RunFfmpegAsync(
            "-nostdin", "-v", "error", "-y", "-f", "s16le", "-ar", "24000", "-ac", "1", "-i", rawPath,
            "-c:a", "aac", "-b:a", "64k", "-f", "adts", "/dev/null");
        double seconds = clock.Elapsed.TotalSeconds;
        Assert.True(result.ExitCode == 0, result.Error);
        return seconds;
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        return values[values.Count / 2];
    }
}
