using System.Diagnostics;

namespace Orator.Audio.Tests.Encoding.Aac;

/// <summary>Runs the ffmpeg and ffprobe command-line tools and collects what they print.</summary>
internal static class FfmpegTool
{
    public const string Ffmpeg = "/usr/bin/ffmpeg";
    public const string Ffprobe = "/usr/bin/ffprobe";

    /// <summary>Why the tools cannot run here, or null when both are installed.</summary>
    public static string? Missing =>
        File.Exists(Ffmpeg) && File.Exists(Ffprobe) ? null : "ffmpeg/ffprobe are not installed (Debian package ffmpeg).";

    public static async Task<ToolResult> RunAsync(string executable, params string[] arguments)
    {
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        using var stdout = new MemoryStream();
        Task copy = process.StandardOutput.BaseStream.CopyToAsync(stdout);
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        await Task.WhenAll(copy, stderr);
        await process.WaitForExitAsync();
        return new ToolResult(process.ExitCode, stdout.ToArray(), await stderr);
    }

    /// <summary>
    /// The warning ffmpeg 5.1's raw ADTS demuxer prints for every .aac file, including the ones
    /// ffmpeg's own encoder writes: ADTS has no duration field, so it estimates one from the bit rate.
    /// It says nothing about the stream's validity.
    /// </summary>
    public const string AdtsDurationNotice = "Estimating duration from bitrate, this may be inaccurate";

    /// <summary>Decodes <paramref name="path"/> to 16-bit mono samples with ffmpeg at log level warning.</summary>
    /// <param name="path">The file.</param>
    /// <param name="inputFormat">Forces the demuxer (as a client knowing the media type would), or null to let ffmpeg probe.</param>
    public static async Task<(short[] Samples, ToolResult Result)> DecodeAsync(string path, string? inputFormat = null)
    {
        string[] input = inputFormat is null ? ["-i", path] : ["-f", inputFormat, "-i", path];
        ToolResult result = await RunAsync(Ffmpeg, ["-nostdin", "-v", "warning", .. input, "-f", "s16le", "-ac", "1", "-"]);
        var samples = new short[result.Stdout.Length / 2];
        Buffer.BlockCopy(result.Stdout, 0, samples, 0, samples.Length * 2);
        return (samples, result);
    }
}

/// <summary>What a tool run left behind.</summary>
internal sealed record ToolResult(int ExitCode, byte[] Stdout, string Stderr)
{
    /// <summary>Stderr without the lines carrying <see cref="FfmpegTool.AdtsDurationNotice"/>.</summary>
    public string StderrWithoutAdtsDurationNotice =>
        string.Join('\n', Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(line => !line.Contains(FfmpegTool.AdtsDurationNotice)));
}
