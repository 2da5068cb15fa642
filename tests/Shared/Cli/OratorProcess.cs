using System.Diagnostics;

namespace Orator.Testing.Cli;

/// <summary>
/// The real <c>orator</c> executable (the CLI project's build output, run through <c>dotnet</c>)
/// as a separate process, for tests that need what only a process has: signals, kill -9, exit codes.
/// </summary>
public static class OratorProcess
{
    /// <summary>The start of the line `orator serve` prints once it listens, followed by its address.</summary>
    public const string ListeningMarker = "Orator listening on ";

    /// <summary>orator.dll of the same configuration as the running tests.</summary>
    public static string OratorDll { get; } = FindOratorDll();

    /// <summary>A start info for <c>dotnet orator.dll args...</c> with output redirected and no Orator settings inherited.</summary>
    public static ProcessStartInfo StartInfo(params string[] args)
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

        foreach (var name in new[] { "ORATOR_CONFIG", "ORATOR_API_KEYS", "ORATOR_ADMIN_KEY", "ORATOR_MODELS_PATH", "ORATOR_MODELS_MIRROR" })
        {
            info.Environment.Remove(name);
        }

        // Nor any Orator__ setting (also as the host reads it, after DOTNET_ or ASPNETCORE_).
        foreach (var name in info.Environment.Keys.Where(IsOratorSetting).ToList())
        {
            info.Environment.Remove(name);
        }

        return info;
    }

    /// <summary>Reads the server's standard output until a line starting with <paramref name="prefix"/> (returned whole); keeps draining both streams after that.</summary>
    public static async Task<string> StartupLineAsync(Process server, string prefix)
    {
        ArgumentNullException.ThrowIfNull(server);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (await server.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.StartsWith(prefix, StringComparison.Ordinal))
            {
                _ = server.StandardOutput.ReadToEndAsync();
                _ = server.StandardError.ReadToEndAsync();
                return line;
            }
        }

        throw new InvalidOperationException($"orator exited before printing '{prefix}': " + await server.StandardError.ReadToEndAsync());
    }

    private static bool IsOratorSetting(string name)
    {
        foreach (var prefix in new[] { "DOTNET_", "ASPNETCORE_" })
        {
            if (name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                name = name[prefix.Length..];
            }
        }

        return name.StartsWith("Orator__", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Reads the server's standard output until it says where it listens; keeps draining both streams after that.</summary>
    public static async Task<string> ListeningUrlAsync(Process server)
    {
        ArgumentNullException.ThrowIfNull(server);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (await server.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.StartsWith(ListeningMarker, StringComparison.Ordinal))
            {
                // Keep draining so the server never blocks on a full pipe.
                _ = server.StandardOutput.ReadToEndAsync();
                _ = server.StandardError.ReadToEndAsync();
                return line[ListeningMarker.Length..].Trim();
            }
        }

        throw new InvalidOperationException("orator serve exited before listening: " + await server.StandardError.ReadToEndAsync());
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
