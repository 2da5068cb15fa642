using Orator.Engines.Workers;

namespace Orator.Engines.Tests.Workers;

public sealed class WorkerLaunchTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("orator-launch-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Without_a_configured_path_or_an_aot_folder_no_native_worker_is_chosen()
    {
        Assert.Null(WorkerLaunch.FindNativeWorker(_directory, configured: null));
        Assert.Null(WorkerLaunch.FindNativeWorker(_directory, configured: ""));
    }

    [Fact]
    public void A_native_worker_installed_in_the_aot_folder_is_chosen()
    {
        var installed = InstallFakeWorker(Path.Combine(_directory, WorkerLaunch.NativeWorkerFolder));

        Assert.Equal(installed, WorkerLaunch.FindNativeWorker(_directory, configured: null));
    }

    [Fact]
    public void The_configured_path_wins_over_the_aot_folder()
    {
        InstallFakeWorker(Path.Combine(_directory, WorkerLaunch.NativeWorkerFolder));
        var configured = InstallFakeWorker(Path.Combine(_directory, "elsewhere"));

        Assert.Equal(configured, WorkerLaunch.FindNativeWorker(_directory, configured));
    }

    [Fact]
    public void A_configured_path_that_does_not_exist_is_an_error_that_names_it()
    {
        var missing = Path.Combine(_directory, "nope", "Orator.Worker");

        var error = Assert.Throws<FileNotFoundException>(() => WorkerLaunch.FindNativeWorker(_directory, missing));

        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
        Assert.Contains(WorkerLaunch.WorkerPathVariable, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_managed_worker_is_started_through_the_dotnet_host_with_its_dll()
    {
        // The test output folder has Orator.Worker.dll (project reference) and no aot/ folder.
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable(WorkerLaunch.WorkerPathVariable)))
        {
            // scripts/test.sh points every test at the native worker; this case is then checked below.
            var native = WorkerLaunch.CreateStartInfo([], AppContext.BaseDirectory);
            Assert.Equal(Environment.GetEnvironmentVariable(WorkerLaunch.WorkerPathVariable), native.FileName);
            Assert.Empty(native.ArgumentList);
            return;
        }

        var info = WorkerLaunch.CreateStartInfo(["espeak"], AppContext.BaseDirectory);

        Assert.Equal("dotnet", Path.GetFileNameWithoutExtension(info.FileName));
        Assert.Equal(Path.Combine(AppContext.BaseDirectory, "Orator.Worker.dll"), Assert.Single(info.ArgumentList));
        Assert.Equal("espeak", info.Environment[WorkerEnvironment.DisabledEnginesVariable]);
    }

    private static string InstallFakeWorker(string folder)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "Orator.Worker");
        File.WriteAllText(path, "#!/bin/sh\n");
        return path;
    }
}
