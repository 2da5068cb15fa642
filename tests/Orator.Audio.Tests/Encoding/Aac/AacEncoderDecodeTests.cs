using System.Runtime.InteropServices;
using Xunit.Abstractions;

namespace Orator.Audio.Tests.Encoding.Aac;

/// <summary>What ffprobe and ffmpeg make of the encoder's output.</summary>
public sealed class AacEncoderDecodeTests(ITestOutputHelper log)
{
    private const int Priming = 1024;
    private const int FrameSize = 1024;

    [AacFact(RequiresFfmpeg = true)]
    public async Task Ffprobe_reads_an_adts_aac_lc_stream_at_24kHz_mono()
    {
        using var file = new TempFile(AacTestAudio.EncodeStream(AacTestAudio.SpeechLike(3)), ".aac");

        ToolResult probe = await FfmpegTool.RunAsync(
            FfmpegTool.Ffprobe, "-v", "error", "-show_entries", "format=format_name:stream=codec_name,profile,sample_rate,channels",
            "-of", "default=noprint_wrappers=1", file.Path);

        Assert.True(probe.ExitCode == 0, probe.Stderr);
        string report = System.Text.Encoding.UTF8.GetString(probe.Stdout);
        Assert.Contains("codec_name=aac", report);
        Assert.Contains("profile=LC", report);
        Assert.Contains("sample_rate=24000", report);
        Assert.Contains("channels=1", report);
        Assert.Contains("format_name=aac", report);
    }

    [AacFact(RequiresFfmpeg = true)]
    public async Task Ffmpeg_decodes_it_silently_to_the_source_length_plus_priming_and_it_matches_the_source()
    {
        short[] source = AacTestAudio.SpeechLike(3);
        using var file = new TempFile(AacTestAudio.EncodeStream(source), ".aac");

        (short[] decoded, ToolResult result) = await FfmpegTool.DecodeAsync(file.Path);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(string.Empty, result.StderrWithoutAdtsDurationNotice);
        int expected = (source.Length + Priming + FrameSize - 1) / FrameSize * FrameSize;
        Assert.InRange(decoded.Length, source.Length, expected + FrameSize);
        Assert.InRange(decoded.Length, expected - FrameSize - Priming, expected + FrameSize + Priming);

        int lag = AacTestAudio.BestLag(source, decoded, 2048);
        double correlation = AacTestAudio.Correlation(source, decoded, lag);
        log.WriteLine($"{source.Length} samples in, {decoded.Length} decoded; correlation {correlation:F4} at lag {lag}.");
        Assert.InRange(lag, Priming - 8, Priming + 8);
        Assert.True(correlation >= 0.85, $"Correlation {correlation:F3} at lag {lag}.");
    }

    [AacFact(RequiresFfmpeg = true)]
    public async Task The_stream_is_byte_identical_to_what_the_ffmpeg_cli_writes_for_the_same_pcm()
    {
        short[] source = AacTestAudio.SpeechLike(3);
        byte[] ours = AacTestAudio.EncodeStream(source);
        using var raw = new TempFile(MemoryMarshal.AsBytes(source.AsSpan()).ToArray(), ".raw");

        ToolResult cli = await FfmpegTool.RunAsync(
            FfmpegTool.Ffmpeg, "-nostdin", "-v", "error", "-f", "s16le", "-ar", "24000", "-ac", "1", "-i", raw.Path,
            "-c:a", "aac", "-b:a", "64k", "-f", "adts", "-");

        Assert.True(cli.ExitCode == 0, cli.Stderr);
        Assert.Equal(cli.Stdout.Length, ours.Length);
        Assert.True(cli.Stdout.AsSpan().SequenceEqual(ours), "Same length, different bytes.");
    }

    [AacFact(RequiresFfmpeg = true)]
    public async Task A_stream_shorter_than_one_frame_still_decodes_to_at_least_its_length()
    {
        short[] source = AacTestAudio.SpeechLike(0.01);
        using var file = new TempFile(AacTestAudio.EncodeStream(source), ".aac");

        // Forced demuxer: probing a 2-frame file scores low and ffmpeg says so, for its own output too.
        (short[] decoded, ToolResult result) = await FfmpegTool.DecodeAsync(file.Path, "aac");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(string.Empty, result.StderrWithoutAdtsDurationNotice);
        Assert.True(decoded.Length >= source.Length + Priming, $"{decoded.Length} samples decoded.");
    }
}
