using System.Globalization;

namespace Orator.Audio.Tests.Metering;

/// <summary>
/// The meter against ffprobe on the same bytes. ffprobe's container duration is no reference for
/// these streams (for ADTS and Xing-less MP3 it is estimated from the bitrate, streamed FLAC has
/// none, and for Ogg Opus it leaves the pre-skip in), so the reference is the end of ffprobe's
/// packet timeline: the last packet's pts plus its duration, which has the decoder's trimming
/// applied. The two must agree to within a microsecond (the rounding of ffprobe's time base).
/// </summary>
public sealed class EncodedDurationMeterFfprobeTests
{
    private const double Tolerance = 1e-6;

    [CodecTheory(AudioFormat.Mp3, RequiresFfmpeg = true)]
    [InlineData(1.5)]
    [InlineData(7.3)]
    public Task Mp3_agrees_with_ffprobe(double seconds) => AssertAgreesWithFfprobeAsync(AudioFormat.Mp3, seconds);

    [CodecTheory(AudioFormat.Aac, RequiresFfmpeg = true)]
    [InlineData(1.5)]
    [InlineData(7.3)]
    public Task Aac_agrees_with_ffprobe(double seconds) => AssertAgreesWithFfprobeAsync(AudioFormat.Aac, seconds);

    [CodecTheory(AudioFormat.Flac, RequiresFfmpeg = true)]
    [InlineData(1.5)]
    [InlineData(7.3)]
    public Task Flac_agrees_with_ffprobe(double seconds) => AssertAgreesWithFfprobeAsync(AudioFormat.Flac, seconds);

    [CodecTheory(AudioFormat.Opus, RequiresFfmpeg = true)]
    [InlineData(1.5)]
    [InlineData(7.3)]
    public Task Opus_agrees_with_ffprobe(double seconds) => AssertAgreesWithFfprobeAsync(AudioFormat.Opus, seconds);

    private static async Task AssertAgreesWithFfprobeAsync(AudioFormat format, double seconds)
    {
        byte[] bytes = MeteredStreams.Encoded(format, seconds);
        using var file = new TempFile(bytes, "." + AudioFormats.Of(format).Extension);

        double probed = await PacketTimelineEndAsync(file.Path);
        double? measured = MeterRun.Seconds(format, bytes, Feeding.RandomChunks);

        Assert.NotNull(measured);
        Assert.InRange(measured.Value - probed, -Tolerance, Tolerance);
    }

    /// <summary>The end of the last audio packet, in seconds, from its pts and duration in the stream's time base.</summary>
    private static async Task<double> PacketTimelineEndAsync(string path)
    {
        FfmpegResult run = await Ffmpeg.RunFfprobeAsync(
            "-v", "error", "-select_streams", "a:0", "-show_entries", "stream=time_base:packet=pts,duration", "-of", "compact=p=0:nk=0", path);
        Assert.True(run.ExitCode == 0, $"ffprobe failed: {run.Error}");
        string[] lines = run.OutputText.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        string timeBase = lines.Select(line => Field(line, "time_base")).Single(value => value is not null)!;
        string lastPacket = lines.Last(line => Field(line, "pts") is not null);
        string[] fraction = timeBase.Split('/');
        double unit = double.Parse(fraction[0], CultureInfo.InvariantCulture) / double.Parse(fraction[1], CultureInfo.InvariantCulture);
        long end = long.Parse(Field(lastPacket, "pts")!, CultureInfo.InvariantCulture) + long.Parse(Field(lastPacket, "duration")!, CultureInfo.InvariantCulture);
        return end * unit;
    }

    private static string? Field(string line, string key) =>
        line.Split('|').Select(pair => pair.Split('=', 2)).Where(kv => kv.Length == 2 && kv[0] == key).Select(kv => kv[1]).FirstOrDefault();
}
