using System.Diagnostics;

namespace Orator.Audio.Tests.Support;

/// <summary>Runs the ffmpeg and ffprobe command-line tools with binary standard output captured, for checking encoder output.</summary>
internal static class Ffmpeg
{
    public static readonly string? FfmpegPath = new[] { "/usr/bin/ffmpeg", "/usr/local/bin/ffmpeg" }.FirstOrDefault(File.Exists);

    public static readonly string? FfprobePath = new[] { "/usr/bin/ffprobe", "/usr/local/bin/ffprobe" }.FirstOrDefault(File.Exists);

    /// <summary>
    /// The warning ffmpeg's raw demuxers (ADTS, MP3 without a Xing frame) print for a seekable file,
    /// including the ones ffmpeg's own encoders write: the stream has no duration field, so one is
    /// estimated from the bit rate. It says nothing about the stream's validity.
    /// </summary>
    public const string DurationEstimateNotice = "Estimating duration from bitrate, this may be inaccurate";

    /// <summary>Null when both tools are installed; otherwise a skip reason.</summary>
    public static string? Missing => FfmpegPath is null || FfprobePath is null ? "ffmpeg/ffprobe are not installed (Debian package ffmpeg)." : null;

    public static Task<FfmpegResult> RunFfmpegAsync(params string[] arguments) => RunAsync(FfmpegPath!, arguments);

    public static Task<FfmpegResult> RunFfprobeAsync(params string[] arguments) => RunAsync(FfprobePath!, arguments);

    /// <summary>
    /// <c>ffmpeg -v warning [-f format] -i file -f s16le -ac 1 [-ar rate] -</c>: the decoded mono samples
    /// and whatever ffmpeg complained about.
    /// </summary>
    /// <param name="path">The file.</param>
    /// <param name="inputFormat">Forces the demuxer (as a client knowing the media type would), or null to let ffmpeg probe.</param>
    /// <param name="sampleRate">Resamples the output to this rate, or null to keep the stream's.</param>
    public static async Task<(short[] Samples, FfmpegResult Run)> DecodeAsync(string path, string? inputFormat = null, int? sampleRate = null)
    {
        string[] input = inputFormat is null ? ["-i", path] : ["-f", inputFormat, "-i", path];
        string[] rate = sampleRate is { } hz ? ["-ar", hz.ToString(System.Globalization.CultureInfo.InvariantCulture)] : [];
        FfmpegResult run = await RunFfmpegAsync(["-nostdin", "-v", "warning", .. input, "-f", "s16le", "-ac", "1", .. rate, "-"]);
        return (run.Samples(), run);
    }

    /// <summary>
    /// The same decode with the bytes piped into stdin, as a client reading the HTTP response sees
    /// them: a stream of unknown length that cannot be seeked.
    /// </summary>
    /// <param name="encoded">The encoded stream.</param>
    /// <param name="inputFormat">Input format to force (<c>-f</c>), as a client knows it from the Content-Type; null lets ffmpeg probe.</param>
    public static async Task<(short[] Samples, FfmpegResult Run)> DecodePipedAsync(byte[] encoded, string? inputFormat = null)
    {
        string[] input = inputFormat is null ? ["-i", "pipe:0"] : ["-f", inputFormat, "-i", "pipe:0"];
        FfmpegResult run = await RunAsync(FfmpegPath!, ["-v", "warning", .. input, "-f", "s16le", "-ac", "1", "-"], encoded);
        return (run.Samples(), run);
    }

    /// <summary>ffprobe's <c>-show_entries</c> for <paramref name="path"/> as "key=value" lines; asserts that ffprobe succeeded.</summary>
    /// <param name="path">The file.</param>
    /// <param name="entries">The entries to show, e.g. <c>stream=codec_name,sample_rate,channels</c>.</param>
    public static async Task<string> ProbeAsync(string path, string entries = "stream=codec_name,sample_rate,channels")
    {
        FfmpegResult run = await RunFfprobeAsync("-v", "error", "-show_entries", entries, "-of", "default=noprint_wrappers=1", path);
        Assert.True(run.ExitCode == 0, $"ffprobe failed: {run.Error}");
        return run.OutputText;
    }

    /// <summary>Runs <paramref name="executable"/>, feeding it <paramref name="input"/> (or nothing: stdin is closed at once).</summary>
    public static async Task<FfmpegResult> RunAsync(string executable, string[] arguments, byte[]? input = null)
    {
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardInput = true,
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
        }

        process.StandardInput.Close();
        await Task.WhenAll(copy, error);
        await process.WaitForExitAsync();
        clock.Stop();
        return new FfmpegResult(process.ExitCode, output.ToArray(), await error, clock.Elapsed);
    }
}
