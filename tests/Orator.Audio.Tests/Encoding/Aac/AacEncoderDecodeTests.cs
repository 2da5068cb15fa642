using System.Runtime.InteropServices;

namespace Orator.Audio.Tests.Encoding.Aac;

/// <summary>What ffprobe and ffmpeg make of the encoder's output.</summary>
public sealed class AacEncoderDecodeTests(ITestOutputHelper log)
{
    private const int Priming = 1024;
    private const int FrameSize = 1024;

    [CodecFact(AudioFormat.Aac, RequiresFfmpeg = true)]
    public async Task Ffprobe_reads_an_adts_aac_lc_stream_at_24kHz_mono()
    {
        using var file = new TempFile(EncoderHarness.EncodeStream(AudioFormat.Aac, Signals.Rate, Signals.HarmonicVoice(Signals.Rate, 3)), ".aac");

        FfmpegResult probe = await Ffmpeg.RunFfprobeAsync(
            "-v", "error", "-show_entries", "format=format_name:stream=codec_name,profile,sample_rate,channels",
            "-of", "default=noprint_wrappers=1", file.Path);

        Assert.True(probe.ExitCode == 0, probe.Error);
        string report = probe.OutputText;
        Assert.Contains("codec_name=aac", report);
        Assert.Contains("profile=LC", report);
        Assert.Contains("sample_rate=24000", report);
        Assert.Contains("channels=1", report);
        Assert.Contains("format_name=aac", report);
    }

    [CodecFact(AudioFormat.Aac, RequiresFfmpeg = true)]
    public async Task Ffmpeg_decodes_it_silently_to_the_source_length_plus_priming_and_it_matches_the_source()
    {
        short[] source = Signals.HarmonicVoice(Signals.Rate, 3);
        using var file = new TempFile(EncoderHarness.EncodeStream(AudioFormat.Aac, Signals.Rate, source), ".aac");

        (short[] decoded, FfmpegResult result) = await Ffmpeg.DecodeAsync(file.Path);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(string.Empty, result.ErrorWithoutDurationEstimateNotice);
        int expected = (source.Length + Priming + FrameSize - 1) / FrameSize * FrameSize;
        Assert.InRange(decoded.Length, source.Length, expected + FrameSize);
        Assert.InRange(decoded.Length, expected - FrameSize - Priming, expected + FrameSize + Priming);

        (double correlation, int lag) = Correlation.Best(source, decoded, 2048);
        log.WriteLine($"{source.Length} samples in, {decoded.Length} decoded; correlation {correlation:F4} at lag {lag}.");
        Assert.InRange(lag, Priming - 8, Priming + 8);
        Assert.True(correlation >= 0.85, $"Correlation {correlation:F3} at lag {lag}.");
    }

    [CodecFact(AudioFormat.Aac, RequiresFfmpeg = true)]
    public async Task The_stream_is_byte_identical_to_what_the_ffmpeg_cli_writes_for_the_same_pcm()
    {
        short[] source = Signals.HarmonicVoice(Signals.Rate, 3);
        byte[] ours = EncoderHarness.EncodeStream(AudioFormat.Aac, Signals.Rate, source);
        using var raw = new TempFile(MemoryMarshal.AsBytes(source.AsSpan()).ToArray(), ".raw");

        FfmpegResult cli = await Ffmpeg.RunFfmpegAsync(
            "-nostdin", "-v", "error", "-f", "s16le", "-ar", "24000", "-ac", "1", "-i", raw.Path,
            "-c:a", "aac", "-b:a", "64k", "-f", "adts", "-");

        Assert.True(cli.ExitCode == 0, cli.Error);
        Assert.Equal(cli.Output.Length, ours.Length);
        Assert.True(cli.Output.AsSpan().SequenceEqual(ours), "Same length, different bytes.");
    }

    [CodecFact(AudioFormat.Aac, RequiresFfmpeg = true)]
    public async Task A_stream_shorter_than_one_frame_still_decodes_to_at_least_its_length()
    {
        short[] source = Signals.HarmonicVoice(Signals.Rate, 0.01);
        using var file = new TempFile(EncoderHarness.EncodeStream(AudioFormat.Aac, Signals.Rate, source), ".aac");

        // Forced demuxer: probing a 2-frame file scores low and ffmpeg says so, for its own output too.
        (short[] decoded, FfmpegResult result) = await Ffmpeg.DecodeAsync(file.Path, "aac");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(string.Empty, result.ErrorWithoutDurationEstimateNotice);
        Assert.True(decoded.Length >= source.Length + Priming, $"{decoded.Length} samples decoded.");
    }
}
