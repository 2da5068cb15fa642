using System.Diagnostics;

namespace Orator.Audio.Tests.Encoding.Opus;

/// <summary>Runs ffmpeg and ffprobe with binary standard output.</summary>
internal static class Ffmpeg
{
    public static readonly string? FfmpegPath = new[] { "/usr/bin/ffmpeg", "/usr/local/bin/ffmpeg" }.FirstOrDefault(File.Exists);

    public static readonly string? FfprobePath = new[] { "/usr/bin/ffprobe", "/usr/local/bin/ffprobe" }.FirstOrDefault(File.Exists);

    public static async Task<(int ExitCode, byte[] Output, string Error)> RunAsync(string executable, params string[] arguments)
    {
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        using var output = new MemoryStream();
        Task copy = process.StandardOutput.BaseStream.CopyToAsync(output);
        Task<string> error = process.StandardError.ReadToEndAsync();
        await Task.WhenAll(copy, error);
        await process.WaitForExitAsync();
        return (process.ExitCode, output.ToArray(), await error);
    }

    /// <summary>Decodes a file to 16-bit mono PCM at <paramref name="sampleRate"/>, as the tests require: exit 0 and nothing on stderr.</summary>
    public static async Task<(short[] Samples, string Error, int ExitCode)> DecodeAsync(string path, int sampleRate)
    {
        var (exitCode, output, error) = await RunAsync(
            FfmpegPath!, "-nostdin", "-v", "warning", "-i", path, "-f", "s16le", "-ar", sampleRate.ToString(), "-");
        var samples = new short[output.Length / 2];
        Buffer.BlockCopy(output, 0, samples, 0, samples.Length * 2);
        return (samples, error, exitCode);
    }

    public static string TempPath(string extension) => Path.Combine(Path.GetTempPath(), $"orator-opus-{Guid.NewGuid():N}{extension}");
}
