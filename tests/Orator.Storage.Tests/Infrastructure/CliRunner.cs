using System.Diagnostics;

namespace Orator.Storage.Tests.Infrastructure;

/// <summary>Runs the real <c>orator</c> CLI (its build output, through <c>dotnet</c>) against a database.</summary>
public sealed class CliRunner(StorageOptions storage)
{
    /// <summary>orator.dll of the same configuration as these tests.</summary>
    public static string OratorDll { get; } = FindOratorDll();

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
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        info.ArgumentList.Add(OratorDll);
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        info.Environment["Orator__Storage__Provider"] = storage.Provider;
        info.Environment["Orator__Storage__ConnectionString"] = storage.ConnectionString;
        info.Environment.Remove("ORATOR_CONFIG");
        info.Environment.Remove("ORATOR_API_KEYS");
        info.Environment.Remove("ORATOR_ADMIN_KEY");
        return info;
    }

    private static string FindOratorDll()
    {
        var baseDir = AppContext.BaseDirectory;
        var configuration = baseDir.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Debug" : "Release";
        var dir = new DirectoryInfo(baseDir);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Orator.slnx")))
        {
            dir = dir.Parent;
        }

        var dll = Path.Combine(dir?.FullName ?? throw new InvalidOperationException("Orator.slnx not found"), "src", "Orator.Cli", "bin", configuration, "net10.0", "orator.dll");
        return File.Exists(dll) ? dll : throw new InvalidOperationException($"{dll} not built");
    }
}
