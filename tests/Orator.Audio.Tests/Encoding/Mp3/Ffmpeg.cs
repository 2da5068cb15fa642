using System.Diagnostics;

namespace Orator.Audio.Tests.Support;

/// <summary>Runs ffmpeg/ffprobe with binary stdout captured, for checking encoder output.</summary>
internal static class Ffmpeg
{
    public static readonly string? FfmpegPath = new[] { "/usr/bin/ffmpeg", "/usr/local/bin/ffmpeg" }.FirstOrDefault(File.Exists);

    public static readonly string? FfprobePath = new[] { "/usr/bin/ffprobe", "/usr/local/bin/ffprobe" }.FirstOrDefault(File.Exists);

    /// <summary>Null when both tools are installed; otherwise a skip reason.</summary>
    public static string? Missing => FfmpegPath is null || FfprobePath is null ? "ffmpeg/ffprobe are not installed." : null;

    public sealed record Result(int ExitCode, byte[] Output, string Error, TimeSpan Elapsed);

    public static Task<Result> RunFfmpegAsync(params string[] arguments) => RunAsync(FfmpegPath!, arguments, null);

    public static Task<Result> RunFfprobeAsync(params string[] arguments) => RunAsync(FfprobePath!, arguments, null);

    /// <summary><c>ffmpeg -v warning -i file -f s16le -</c>: the decoded samples and whatever ffmpeg complained about.</summary>
    public static async Task<(short[] Samples, Result Run)> DecodeAsync(string path)
    {
        Result run = await RunFfmpegAsync("-nostdin", "-v", "warning", "-i", path, "-f", "s16le", "-");
        return (ToSamples(run.Output), run);
    }

    /// <summary>
    /// The same decode with the bytes piped into stdin, as a client reading the HTTP response sees
    /// them: a stream of unknown length that cannot be seeked.
    /// </summary>
    /// <param name="encoded">The encoded stream.</param>
    /// <param name="format">Input format to force (<c>-f</c>), as a client knows it from the Content-Type; null lets ffmpeg probe.</param>
    public static async Task<(short[] Samples, Result Run)> DecodePipedAsync(byte[] encoded, string? format = null)
    {
        string[] input = format is null ? ["-i", "pipe:0"] : ["-f", format, "-i", "pipe:0"];
        Result run = await RunAsync(FfmpegPath!, ["-v", "warning", .. input, "-f", "s16le", "-"], encoded);
        return (ToSamples(run.Output), run);
    }

    /// <summary>codec_name, sample_rate and channels of the first stream as "key=value" lines.</summary>
    public static async Task<string> ProbeAsync(string path)
    {
        Result run = await RunFfprobeAsync(
            "-v", "error", "-show_entries", "stream=codec_name,sample_rate,channels", "-of", "default=noprint_wrappers=1", path);
        Assert.True(run.ExitCode == 0, $"ffprobe failed: {run.Error}");
        return System.Text.Encoding.UTF8.GetString(run.Output);
    }

    private static short[] ToSamples(byte[] pcm)
    {
        var samples = new short[pcm.Length / 2];
        Buffer.BlockCopy(pcm, 0, samples, 0, samples.Length * 2);
        return samples;
    }

    private static async Task<Result> RunAsync(string executable, string[] arguments, byte[]? input)
    {
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardInput = input is not null,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var clock = Stopwatch.StartNew();
        using Process process = Process.Start(start)!;
        using var output = new MemoryStream();
        Task copy = process.StandardOutput.BaseStream.CopyToAsync(output);
        Task<string> error = process.StandardError.ReadToEndAsync();
        if (input is not null)
        {
            await process.StandardInput.BaseStream.WriteAsync(input);
            process.StandardInput.Close();
        }

        await Task.WhenAll(copy, error);
        await process.WaitForExitAsync();
        clock.Stop();
        return new Result(process.ExitCode, output.ToArray(), await error, clock.Elapsed);
    }
}
