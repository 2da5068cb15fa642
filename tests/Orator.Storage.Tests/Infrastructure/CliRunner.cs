using System.Diagnostics;
using Orator.Testing.Cli;

namespace Orator.Storage.Tests.Infrastructure;

/// <summary>Runs the real <c>orator</c> CLI (its build output, through <c>dotnet</c>) against a database.</summary>
public sealed class CliRunner(StorageOptions storage)
{
    /// <summary>Runs <c>orator args...</c> and returns its exit code and output.</summary>
    public async Task<(int Code, string Out, string Err)> RunAsync(params string[] args)
    {
        using var process = Process.Start(StartInfo(args))!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }

    /// <summary>A start info for <c>orator args...</c> pointed at this runner's database.</summary>
    public ProcessStartInfo StartInfo(params string[] args)
    {
        var info = OratorProcess.StartInfo(args);
        info.Environment["Orator__Storage__Provider"] = storage.Provider;
        info.Environment["Orator__Storage__ConnectionString"] = storage.ConnectionString;
        return info;
    }
}
