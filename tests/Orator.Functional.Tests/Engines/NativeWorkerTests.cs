using Orator.Functional.Tests.Infrastructure;

namespace Orator.Functional.Tests.Engines;

/// <summary>
/// scripts/test.sh compiles the worker ahead of time and sets ORATOR_WORKER_PATH, as scripts/serve.sh
/// installs it: the server must then really run that executable, not the managed worker.
/// </summary>
[Collection(OpenServerCollection.Name)]
public sealed class NativeWorkerTests(OpenServerFixture server)
{
    [Fact]
    public async Task Workers_run_the_executable_the_launch_settings_name()
    {
        var configured = Environment.GetEnvironmentVariable("ORATOR_WORKER_PATH");
        var expectNative = Environment.GetEnvironmentVariable("ORATOR_EXPECT_NATIVE_WORKER") == "1";
        Assert.False(expectNative && string.IsNullOrEmpty(configured), "ORATOR_EXPECT_NATIVE_WORKER is set but ORATOR_WORKER_PATH is not");

        using var client = server.CreateClient();
        var wav = await client.SpeakAsync(new { model = "tts-1", input = "Which worker speaks?", voice = "alloy", response_format = "wav" });
        Assert.True((await AudioProbe.ProbeAsync(wav)).Rms > 0.01);

        var pids = server.Server.Engines.Pool!.ProcessIds;
        Assert.NotEmpty(pids);
        foreach (var pid in pids)
        {
            var executable = new FileInfo($"/proc/{pid}/exe").LinkTarget;
            if (string.IsNullOrEmpty(configured))
            {
                Assert.Equal("dotnet", Path.GetFileName(executable));
            }
            else
            {
                Assert.Equal(Path.GetFullPath(configured), executable);
            }
        }
    }
}
