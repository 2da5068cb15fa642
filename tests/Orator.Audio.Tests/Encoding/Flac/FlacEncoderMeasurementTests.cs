using Orator.Audio.Encoding.Flac;

namespace Orator.Audio.Tests.Encoding.Flac;

[Collection(EncoderMeasurementCollection.Name)]
public sealed class FlacEncoderMeasurementTests(ITestOutputHelper output)
{
    [CodecFact(AudioFormat.Flac)]
    public void Encoding_a_chunk_after_warm_up_allocates_nothing()
    {
        using var encoder = new FlacEncoder(Signals.Rate);

        long allocated = EncoderHarness.AllocatedWhileEncoding(encoder, Signals.SpeechLike(Signals.Rate, 3.0));

        Assert.Equal(0, allocated);
    }

    [CodecFact(AudioFormat.Flac)]
    public void Two_thousand_encoders_half_of_them_never_finished_leave_no_native_or_managed_leak()
    {
        short[] pcm = Signals.SpeechLike(Signals.Rate, 0.2);

        (long managed, long workingSet) = EncoderHarness.GrowthAfterManyEncoders(() => new FlacEncoder(Signals.Rate), pcm, 2000);

        output.WriteLine($"2000 FLAC encoders: managed heap {managed / 1024.0:F0} KiB, working set {workingSet / 1048576.0:F1} MiB");
        Assert.InRange(managed, long.MinValue, 50L << 20);
        Assert.InRange(workingSet, long.MinValue, 50L << 20);
    }

    [CodecFact(AudioFormat.Flac, RequiresFfmpeg = true)]
    public async Task Throughput_is_printed_for_compression_levels_0_5_and_8_and_for_ffmpeg()
    {
        short[] pcm = Signals.SpeechLike(Signals.Rate, 30.0);
        const int chunk = 4096;

        foreach (int level in (int[])[0, 5, 8])
        {
            double factor = EncoderHarness.RealtimeFactor(() => new FlacEncoder(Signals.Rate, level), pcm, Signals.Rate, chunk);
            output.WriteLine($"FlacEncoder level {level}: {factor:F0}x realtime");
            Assert.True(factor > 0);
        }

        (double wall, double benchmark) = await EncoderHarness.FfmpegRealtimeFactorAsync(pcm, Signals.Rate, "-c:a", "flac", "-f", "flac");
        output.WriteLine($"ffmpeg flac (level 5): {wall:F0}x realtime wall clock (process start included), {benchmark:F0}x by its -benchmark rtime");
    }
}
