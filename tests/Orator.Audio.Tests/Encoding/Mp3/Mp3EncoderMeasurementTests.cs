using Orator.Audio.Encoding.Mp3;

namespace Orator.Audio.Tests.Encoding.Mp3;

[Collection(EncoderMeasurementCollection.Name)]
public sealed class Mp3EncoderMeasurementTests(ITestOutputHelper output)
{
    [CodecFact(AudioFormat.Mp3)]
    public void Encoding_a_chunk_after_warm_up_allocates_nothing()
    {
        using var encoder = new Mp3Encoder(Signals.Rate);

        long allocated = EncoderHarness.AllocatedWhileEncoding(encoder, Signals.SpeechLike(Signals.Rate, 3.0));

        Assert.Equal(0, allocated);
    }

    [CodecFact(AudioFormat.Mp3)]
    public void Two_thousand_encoders_half_of_them_never_finished_leave_no_native_or_managed_leak()
    {
        short[] pcm = Signals.SpeechLike(Signals.Rate, 0.2);

        (long managed, long workingSet) = EncoderHarness.GrowthAfterManyEncoders(() => new Mp3Encoder(Signals.Rate), pcm, 2000);

        output.WriteLine($"2000 MP3 encoders: managed heap {managed / 1024.0:F0} KiB, working set {workingSet / 1048576.0:F1} MiB");
        Assert.InRange(managed, long.MinValue, 50L << 20);
        Assert.InRange(workingSet, long.MinValue, 50L << 20);
    }

    [CodecFact(AudioFormat.Mp3, RequiresFfmpeg = true)]
    public async Task Throughput_is_printed_for_each_quality_setting_and_for_ffmpeg()
    {
        short[] pcm = Signals.SpeechLike(Signals.Rate, 30.0);
        const int chunk = 4096;

        foreach (int quality in (int[])[2, 3, 5, 7])
        {
            double factor = EncoderHarness.RealtimeFactor(() => new Mp3Encoder(Signals.Rate, 64, quality), pcm, Signals.Rate, chunk);
            output.WriteLine($"Mp3Encoder 64 kbps quality {quality}: {factor:F0}x realtime");
            Assert.True(factor > 0);
        }

        (double wall, double benchmark) = await EncoderHarness.FfmpegRealtimeFactorAsync(pcm, Signals.Rate, "-c:a", "libmp3lame", "-b:a", "64k", "-f", "mp3");
        output.WriteLine($"ffmpeg libmp3lame 64k: {wall:F0}x realtime wall clock (process start included), {benchmark:F0}x by its -benchmark rtime");
    }
}
