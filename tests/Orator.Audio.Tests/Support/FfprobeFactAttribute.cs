using System.Diagnostics;

namespace Orator.Audio.Tests.Support;

/// <summary>A fact that runs only where ffprobe is installed; elsewhere it is reported as skipped.</summary>
internal sealed class FfprobeFactAttribute : FactAttribute
{
    private static readonly string? Executable = new[] { "/usr/bin/ffprobe", "/usr/local/bin/ffprobe" }.FirstOrDefault(File.Exists);

    public FfprobeFactAttribute()
    {
        if (Executable is null)
        {
            Skip = "ffprobe is not installed.";
        }
    }

    public static async Task<string> RunAsync(string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(Executable!, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        string output = await process.StandardOutput.ReadToEndAsync();
        string error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"ffprobe failed: {error}");
        return output;
    }
}
