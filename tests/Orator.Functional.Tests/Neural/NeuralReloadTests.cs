using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Orator.Functional.Tests.Infrastructure;
using Orator.Server.Hosting;
using Orator.Testing.NeuralFixtures;
using Orator.Testing.Cli;

namespace Orator.Functional.Tests.Neural;

public sealed class NeuralReloadTests
{
    private static async Task<List<string?>> ModelIdsAsync(HttpClient client)
    {
        using var json = JsonDocument.Parse(await client.GetStringAsync("v1/models"));
        return [.. json.RootElement.GetProperty("data").EnumerateArray().Select(m => m.GetProperty("id").GetString())];
    }

    [Fact]
    public async Task Without_model_files_nothing_neural_is_listed_and_the_openai_names_stay_on_flite()
    {
        using var store = new FixtureStore();
        await using var server = await OratorServer.StartAsync(["--urls=http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning", "--Orator:Workers=1", $"--Orator:ModelsPath={store.Root}"]);
        using var client = new HttpClient { BaseAddress = new Uri(server.Urls[0] + "/") };

        var ids = await ModelIdsAsync(client);
        Assert.DoesNotContain("kokoro", ids);
        Assert.DoesNotContain("piper", ids);
        using var response = await client.PostSpeechAsync(new { model = "tts-1-hd", voice = "alloy", input = "Hi.", response_format = "wav" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("flite:slt", response.Headers.GetValues("x-orator-voice").Single());
        using var kokoro = await client.PostSpeechAsync(new { model = "kokoro", voice = "af_heart", input = "Hi." });
        Assert.Equal(HttpStatusCode.NotFound, kokoro.StatusCode);
    }

    [Fact]
    public async Task Models_installed_while_running_appear_after_a_reload_and_disappear_when_removed()
    {
        using var store = new FixtureStore();
        await using var server = await OratorServer.StartAsync(["--urls=http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning", "--Orator:Workers=1", $"--Orator:ModelsPath={store.Root}"]);
        using var client = new HttpClient { BaseAddress = new Uri(server.Urls[0] + "/") };
        Assert.DoesNotContain("kokoro", await ModelIdsAsync(client));

        store.WithKokoro();
        server.Engines.ReloadModels();

        Assert.Contains("kokoro", await ModelIdsAsync(client));
        using (var response = await client.PostSpeechAsync(new { model = "tts-1-hd", voice = "alloy", input = "Now neural.", response_format = "wav" }))
        {
            Assert.Equal("kokoro:af_alloy", response.Headers.GetValues("x-orator-voice").Single());
        }

        File.Delete(Path.Combine(store.KokoroDirectory, "kokoro-v1.0.onnx"));
        server.Engines.ReloadModels();
        Assert.DoesNotContain("kokoro", await ModelIdsAsync(client));
    }

    [Fact]
    public async Task Sighup_makes_an_orator_serve_started_under_nohup_rescan_its_model_store_and_keep_running()
    {
        // A real `orator serve` process, started as operators often do, under nohup (SIGHUP
        // ignored, which .NET would leave ignored), and signalled alone rather than this test host
        // with every other test's server in it.
        using var store = new FixtureStore();
        var database = Path.Combine(store.Root, "orator.db");
        var info = OratorProcess.StartInfo("serve", "--urls", "http://127.0.0.1:0", "--workers", "1", "--Logging:LogLevel:Default=Warning");
        info.ArgumentList.Insert(0, info.FileName);
        info.FileName = "nohup";
        info.Environment["ORATOR_MODELS_PATH"] = store.Root;
        info.Environment["Orator__Storage__ConnectionString"] = database;
        using var server = Process.Start(info)!;
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri(await OratorProcess.ListeningUrlAsync(server) + "/") };
            Assert.DoesNotContain("piper:en_US-hup-low", await ModelIdsAsync(client));
            Assert.False(SighupIgnored(server.Id), "the server left SIGHUP ignored, as nohup set it");
            store.WithPiper("en_US-hup-low", multiSpeaker: false);

            using (var kill = Process.Start("kill", ["-HUP", server.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!)
            {
                await kill.WaitForExitAsync();
                Assert.Equal(0, kill.ExitCode);
            }

            var deadline = DateTime.UtcNow.AddSeconds(20);
            while (!(await ModelIdsAsync(client)).Contains("piper:en_US-hup-low") && DateTime.UtcNow < deadline)
            {
                await Task.Delay(50);
            }

            Assert.Contains("piper:en_US-hup-low", await ModelIdsAsync(client));
            Assert.False(server.HasExited, "SIGHUP ended the server");
            using var speech = await client.PostSpeechAsync(new { model = "piper:en_US-hup-low", voice = "alloy", input = "Hello.", response_format = "wav" });
            Assert.Equal(HttpStatusCode.OK, speech.StatusCode);
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
        }
    }

    private static bool SighupIgnored(int pid)
    {
        var mask = File.ReadLines($"/proc/{pid}/status").Single(l => l.StartsWith("SigIgn:", StringComparison.Ordinal))[7..].Trim();
        return (ulong.Parse(mask, System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture) & 1) != 0;
    }

    [Fact]
    public async Task A_reload_signal_reaches_every_server_in_the_process()
    {
        // .NET calls a signal's handlers newest first and stops at the first that cancels, so a
        // registration per server reloaded only the newest one; the process-wide dispatch reaches all.
        using var firstStore = new FixtureStore();
        using var secondStore = new FixtureStore();
        string[] Arguments(FixtureStore store) => ["--urls=http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning", "--Orator:Workers=1", $"--Orator:ModelsPath={store.Root}"];
        await using var first = await OratorServer.StartAsync(Arguments(firstStore));
        await using var second = await OratorServer.StartAsync(Arguments(secondStore));
        using var firstClient = new HttpClient { BaseAddress = new Uri(first.Urls[0] + "/") };
        using var secondClient = new HttpClient { BaseAddress = new Uri(second.Urls[0] + "/") };
        firstStore.WithPiper("en_US-hup-low", multiSpeaker: false);
        secondStore.WithPiper("en_GB-hup-low", multiSpeaker: false);

        ReloadSignal.Dispatch();

        Assert.Contains("piper:en_US-hup-low", await ModelIdsAsync(firstClient));
        Assert.Contains("piper:en_GB-hup-low", await ModelIdsAsync(secondClient));
    }
}
