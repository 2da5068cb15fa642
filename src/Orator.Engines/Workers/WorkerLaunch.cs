using System.Diagnostics;

namespace Orator.Engines.Workers;

/// <summary>
/// Finds how to start the worker executable: its native launcher beside our assemblies when
/// present, otherwise <c>dotnet Orator.Worker.dll</c> with the host that runs us.
/// </summary>
internal static class WorkerLaunch
{
    private const string WorkerName = "Orator.Worker";

    /// <summary>Environment variable carrying engine ids the worker must not load (comma separated).</summary>
    public const string DisabledEnginesVariable = "ORATOR_WORKER_DISABLED_ENGINES";

    /// <summary>Builds the start info for one worker process with redirected standard streams.</summary>
    public static ProcessStartInfo CreateStartInfo(IReadOnlyCollection<string> disabledEngines, string? workerDirectory = null)
    {
        var directory = workerDirectory ?? AppContext.BaseDirectory;
        var dll = Path.Combine(directory, WorkerName + ".dll");
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"The engine worker '{dll}' is missing; reinstall Orator.", dll);
        }

        var info = new ProcessStartInfo
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            CreateNoWindow = true,
        };
        info.FileName = FindDotnetHost();
        info.ArgumentList.Add(dll);

        // A worker is single-threaded by design: keep its runtime small.
        info.Environment[DisabledEnginesVariable] = string.Join(',', disabledEngines);
        info.Environment["DOTNET_gcServer"] = "0";
        info.Environment["DOTNET_GCHeapHardLimit"] = "0x10000000";
        info.Environment["DOTNET_TieredPGO"] = "0";
        return info;
    }

    private static string FindDotnetHost()
    {
        var fromSdk = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(fromSdk) && File.Exists(fromSdk))
        {
            return fromSdk;
        }

        var self = Environment.ProcessPath;
        if (self is not null && Path.GetFileNameWithoutExtension(self).Equals("dotnet", StringComparison.Ordinal))
        {
            return self;
        }

        var root = Environment.GetEnvironmentVariable("DOTNET_ROOT");
        if (!string.IsNullOrEmpty(root) && File.Exists(Path.Combine(root, "dotnet")))
        {
            return Path.Combine(root, "dotnet");
        }

        // The runtime we are running on lives at <root>/shared/Microsoft.NETCore.App/<version>/.
        var runtimeDir = Path.GetDirectoryName(typeof(object).Assembly.Location);
        var candidate = runtimeDir is null ? null : Path.GetFullPath(Path.Combine(runtimeDir, "..", "..", "..", "dotnet"));
        return candidate is not null && File.Exists(candidate) ? candidate : "dotnet";
    }
}
