using System.Diagnostics;
using System.Net.Http.Json;
using Orator.Engines.Workers;
using Orator.Functional.Tests.Infrastructure;
using Orator.Functional.Tests.Observability;

namespace Orator.Functional.Tests.Engines;

public sealed class WorkerResilienceTests(IsolatedServerFixture server) : IClassFixture<IsolatedServerFixture>
{
    private static readonly string LongText = string.Join(' ', Enumerable.Repeat("This is a long passage that keeps the engine busy for quite a while.", 55));

    [Fact]
    public async Task Concurrent_requests_all_succeed_with_their_own_audio()
    {
        using var client = server.CreateClient();
        string[] texts = ["One.", "Two short words here.", "Three is a somewhat longer sentence than the others.", "Four, and this one is the longest sentence of all of them, by some way."];
        string[] voices = ["alloy", "echo", "fable", "verse"];

        var results = await Task.WhenAll(texts.Select((text, i) =>
            client.SpeakAsync(new { model = "tts-1", input = text, voice = voices[i], response_format = "wav" })));
        var durations = new List<double>();
        foreach (var wav in results)
        {
            var audio = await AudioProbe.ProbeAsync(wav);
            Assert.True(audio.Rms > 0.01);
            durations.Add(Signal.SpokenSeconds(audio.Samples, audio.SampleRate));
        }

        // Longer texts give longer audio: each response carries its own request's speech.
        for (var i = 1; i < durations.Count; i++)
        {
            Assert.True(durations[i] > durations[i - 1], $"durations not increasing: {string.Join(", ", durations.Select(d => d.ToString("F2")))}");
        }
    }

    [Fact]
    public async Task A_client_that_disconnects_stops_the_engine_work()
    {
        using var client = server.CreateClient();
        var pids = server.Server.Engines.Pool!.ProcessIds;
        var restarts = server.Server.Engines.Pool.Restarts;
        using var cts = new CancellationTokenSource();
        using var request = new HttpRequestMessage(HttpMethod.Post, "v1/audio/speech")
        {
            Content = JsonContent.Create(new { model = "tts-1", input = LongText, voice = "alloy", response_format = "pcm", speed = 0.25 }),
        };
        using (var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cts.Token))
        {
            var stream = await response.Content.ReadAsStreamAsync(cts.Token);
            var buffer = new byte[4096];
            Assert.True(await stream.ReadAsync(buffer, cts.Token) > 0);
            await cts.CancelAsync();
        }

        // Kestrel learns of the disconnect when it next fails to write (up to a second or two
        // later on loopback, whose buffers are large): wait until the response has ended there.
        // From then on the workers must be idle, windows rendering ahead included.
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (PrometheusText.Parse(await client.GetStringAsync("metrics")).Sum("orator_active_streams") > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        await Task.Delay(200);
        var before = ProcessCpu.Ticks(pids);
        await Task.Delay(1500);
        var after = ProcessCpu.Ticks(pids);
        Assert.True(after - before <= 10, $"workers used {after - before} CPU ticks after the client left");

        // And the stopped worker is healthy: it serves the next request.
        var wav = await client.SpeakAsync(new { model = "tts-1", input = "Still here.", voice = "alloy", response_format = "wav" });
        Assert.True((await AudioProbe.ProbeAsync(wav)).DecodedSeconds > 0.3);
        Assert.Equal(restarts, server.Server.Engines.Pool.Restarts);
    }

    [Fact]
    public async Task A_killed_worker_is_replaced_and_requests_keep_working()
    {
        var pool = server.Server.Engines.Pool!;
        var restartsBefore = pool.Restarts;
        var victim = pool.ProcessIds[0];
        Process.GetProcessById(victim).Kill();

        using var client = server.CreateClient();
        for (var i = 0; i < 4; i++)
        {
            var wav = await client.SpeakAsync(new { model = "tts-1", input = $"Request number {i}.", voice = "echo", response_format = "wav" });
            Assert.True((await AudioProbe.ProbeAsync(wav)).DecodedSeconds > 0.3);
        }

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (pool.ProcessIds.Count < pool.Size && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        Assert.Equal(pool.Size, pool.ProcessIds.Count);
        Assert.DoesNotContain(victim, pool.ProcessIds);
        Assert.True(pool.Restarts > restartsBefore);
    }

    [Fact]
    public async Task A_worker_killed_mid_stream_cuts_only_that_response()
    {
        // The worker streaming the response is the one to kill: with windows rendering ahead on
        // the other worker too, the busiest worker might be one whose death is invisible (its
        // window renders again), so this request renders its windows in sequence.
        var engines = server.Server.Engines.Catalog.Engines.OfType<WorkerSpeechEngine>().ToList();
        engines.ForEach(e => e.MaxWindowsAhead = 0);
        try
        {
            await KillTheStreamingWorkerAsync();
        }
        finally
        {
            engines.ForEach(e => e.MaxWindowsAhead = int.MaxValue);
        }
    }

    private async Task KillTheStreamingWorkerAsync()
    {
        using var client = server.CreateClient();
        var pool = server.Server.Engines.Pool!;
        var before = pool.ProcessIds.ToHashSet();
        // CPU time counted from before the request: the worker serving it has synthesised the
        // first sentence by the time audio arrives, the other has done nothing. (Counted from
        // later, both can read zero: once the unread response fills the buffers, the serving
        // worker waits too, and a loaded machine gives it little time anyway.)
        var ticks = before.ToDictionary(p => p, ProcessCpu.Ticks);
        using var request = new HttpRequestMessage(HttpMethod.Post, "v1/audio/speech")
        {
            Content = JsonContent.Create(new { model = "tts-1", input = LongText, voice = "alloy", response_format = "pcm", speed = 0.25 }),
        };
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        var stream = await response.Content.ReadAsStreamAsync();
        var buffer = new byte[8192];
        Assert.True(await stream.ReadAsync(buffer) > 0);

        Dictionary<int, long> used;
        var clock = Stopwatch.StartNew();
        while (true)
        {
            used = before.ToDictionary(p => p, p => ProcessCpu.Ticks(p) - ticks[p]);
            var top = used.Values.Max();
            if ((top > 0 && used.Values.Count(v => v == top) == 1) || clock.Elapsed > TimeSpan.FromSeconds(10))
            {
                break;
            }

            await Task.Delay(50);
        }

        var busy = used.MaxBy(u => u.Value).Key;
        Assert.True(used.Values.Count(v => v == used[busy]) == 1, $"no single busy worker: {string.Join(", ", used.Select(u => $"{u.Key}={u.Value}"))}");
        Process.GetProcessById(busy).Kill();

        var failed = await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            while (await stream.ReadAsync(buffer) > 0)
            {
            }
        });
        Assert.True(failed is HttpRequestException or IOException, failed.ToString());

        var wav = await client.SpeakAsync(new { model = "tts-1", input = "The server survived.", voice = "alloy", response_format = "wav" });
        Assert.True((await AudioProbe.ProbeAsync(wav)).DecodedSeconds > 0.5);
    }
}
