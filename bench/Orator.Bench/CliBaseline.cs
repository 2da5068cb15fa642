using System.Diagnostics;

namespace Orator.Bench;

/// <summary>What a user would run instead of Orator, timed as a whole process through bash -c.</summary>
internal static class CliBaseline
{
    public static async Task<double> TimeAsync(string bashCommand, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo("bash") { UseShellExecute = false, RedirectStandardError = true };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(bashCommand);
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(info) ?? throw new InvalidOperationException("bash not found");
        var errors = await process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        var seconds = clock.Elapsed.TotalSeconds;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"'{bashCommand}' exited with {process.ExitCode}: {errors}");
        }

        return seconds;
    }
}
