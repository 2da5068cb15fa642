using System.Diagnostics;

namespace Orator.Engines.Workers;

/// <summary>
/// Finds how to start the worker executable: its native launcher beside our assemblies when
/// present, otherwise <c>dotnet Orator.Worker.dll</c> with the host that runs us.
/// </summary>
internal static class WorkerLaunch
{
    private const string WorkerName = "Orator.Worker";

    /// <summary>Environment variable naming a natively compiled worker executable to use instead of the managed one.</summary>
    public const string WorkerPathVariable = "ORATOR_WORKER_PATH";

    /// <summary>Folder, beside our assemblies, where a natively compiled (NativeAOT) worker is installed.</summary>
    public const string NativeWorkerFolder = "aot";

    /// <summary>Builds the start info for one worker process with redirected standard streams.</summary>
    public static ProcessStartInfo CreateStartInfo(IReadOnlyCollection<string> disabledEngines, string? workerDirectory = null)
    {
        var directory = workerDirectory ?? AppContext.BaseDirectory;
        var info = new ProcessStartInfo
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            CreateNoWindow = true,
        };

        var native = FindNativeWorker(directory, Environment.GetEnvironmentVariable(WorkerPathVariable));
        if (native is not null)
        {
            // A NativeAOT worker has no JIT and no managed-runtime file mappings: about a third of the memory.
            info.FileName = native;
        }
        else
        {
            var dll = Path.Combine(directory, WorkerName + ".dll");
            if (!File.Exists(dll))
            {
                throw new FileNotFoundException($"The engine worker '{dll}' is missing; reinstall Orator.", dll);
            }

            info.FileName = FindDotnetHost();
            info.ArgumentList.Add(dll);
            info.Environment["DOTNET_TieredPGO"] = "0";
        }

        // A worker is single-threaded by design: keep its runtime small.
        info.Environment[WorkerEnvironment.DisabledEnginesVariable] = string.Join(',', disabledEngines);
        info.Environment["DOTNET_gcServer"] = "0";
        info.Environment["DOTNET_GCHeapHardLimit"] = "0x10000000";
        return info;
    }

    /// <summary>
    /// The natively compiled worker to run, if any: <paramref name="configured"/> (the value of <see cref="WorkerPathVariable"/>) when set, and it must exist,
    /// else <c>aot/Orator.Worker</c> beside our assemblies when it was installed there.
    /// </summary>
    public static string? FindNativeWorker(string directory, string? configured)
    {
        if (!string.IsNullOrEmpty(configured))
        {
            return File.Exists(configured)
                ? Path.GetFullPath(configured)
                : throw new FileNotFoundException($"{WorkerPathVariable} names '{configured}', which does not exist.", configured);
        }

        var installed = Path.Combine(directory, NativeWorkerFolder, WorkerName);
        return File.Exists(installed) ? installed : null;
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
        var runtimeDir = Path.GetDirectoryName(System.Runtime.InteropServices.RuntimeEnvironment.GetRuntimeDirectory().TrimEnd(Path.DirectorySeparatorChar));
        var candidate = runtimeDir is null ? null : Path.GetFullPath(Path.Combine(runtimeDir, "..", "..", "..", "dotnet"));
        return candidate is not null && File.Exists(candidate) ? candidate : "dotnet";
    }
}
