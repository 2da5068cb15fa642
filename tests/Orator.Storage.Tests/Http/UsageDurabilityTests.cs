using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Orator.Storage.Keys;
using Orator.Storage.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Orator.Storage.Tests.Http;

public abstract class UsageDurabilityTests(ITestOutputHelper output)
{
    private const int Clients = 16;

    protected abstract DatabaseTarget Target { get; }

    /// <summary>
    /// True to send speech (one character to raw PCM, the cheapest synthesis); false to send
    /// GET /v1/models, which passes the same usage middleware and writer in a fraction of the time.
    /// </summary>
    protected abstract bool Speak { get; }

    /// <summary>How many requests to send.</summary>
    protected abstract int Total { get; }

    [Fact]
    public async Task No_usage_record_is_lost_across_many_requests_with_a_graceful_restart_in_the_middle()
    {
        var options = await Target.NewDatabaseAsync();
        await using var cli = await OratorStorage.OpenAsync(options);
        var key = await cli.Keys.CreateAsync(new NewKey("load"), CancellationToken.None);
        string[] workers = ["--Orator:Workers=2", "--Orator:MaxQueuedRequests=256"];
        var server = await TestServer.StartAsync(options, workers);
        var current = server.BaseAddress;
        var ids = new ConcurrentBag<string>();
        var issued = 0;
        var answered = 0;
        var restarted = new TaskCompletionSource();
        var clock = Stopwatch.StartNew();

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key.Secret);
        async Task ClientAsync()
        {
            while (Interlocked.Increment(ref issued) <= Total)
            {
                while (true)
                {
                    try
                    {
                        var baseAddress = Volatile.Read(ref current);
                        using var response = Speak
                            ? await http.PostAsJsonAsync(new Uri(baseAddress, "v1/audio/speech"), new { model = "tts-1", input = "a", voice = "alloy", response_format = "pcm" })
                            : await http.GetAsync(new Uri(baseAddress, "v1/models"));
                        await response.Content.ReadAsByteArrayAsync();
                        Assert.True(response.IsSuccessStatusCode || (int)response.StatusCode == 503, $"unexpected {(int)response.StatusCode}");
                        ids.Add(Calls.Header(response, "x-request-id"));
                        if (Interlocked.Increment(ref answered) == Total / 2)
                        {
                            restarted.TrySetResult();
                        }

                        break;
                    }
                    catch (HttpRequestException)
                    {
                        // The server is restarting: no response, so nothing to record; try again.
                        await Task.Delay(20);
                    }
                }
            }
        }

        var load = Task.WhenAll(Enumerable.Range(0, Clients).Select(_ => Task.Run(ClientAsync)));
        await restarted.Task;
        await server.DisposeAsync(); // graceful: in-flight requests finish, then usage is flushed
        var restartAt = clock.Elapsed;
        server = await TestServer.StartAsync(options, workers);
        Volatile.Write(ref current, server.BaseAddress);
        await load;
        await server.DisposeAsync();
        output.WriteLine($"{Total} requests ({Clients} clients, restart at {restartAt.TotalSeconds:F1} s) in {clock.Elapsed.TotalSeconds:F1} s on {Target.Provider}, {(Speak ? "speech" : "models")}");

        var stored = await cli.Usage.RecentAsync(key.Record.Id, Total * 2, CancellationToken.None);
        var storedIds = stored.Select(r => r.RequestId).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(Total, ids.Count);
        Assert.DoesNotContain(ids, id => !storedIds.Contains(id));
        // Anything stored beyond the answered requests could only be a request cut off mid-restart (status 499/500), never a success.
        Assert.All(stored.Where(r => !ids.Contains(r.RequestId)), r => Assert.True(r.Status >= 400));
        Assert.Equal(Total, stored.Count(r => ids.Contains(r.RequestId)));
        if (Speak)
        {
            Assert.All(stored.Where(r => r.Status == 200), r => Assert.True(r.Engine == "flite" && r.Format == "pcm" && r.Characters == 1 && r.AudioSeconds > 0));
        }
    }
}

// 10,000 requests on each database through GET /v1/models: the same auth and usage middleware and
// the same writer as speech, at a cost that does not starve the timing-sensitive functional tests
// that run beside this project on two cores. Speech itself (engine, voice, format, audio seconds)
// is covered by 1,000 one-character speech requests across a restart.
public sealed class SqliteUsageDurabilityTests(ITestOutputHelper output) : UsageDurabilityTests(output)
{
    protected override DatabaseTarget Target => DatabaseTarget.Sqlite;

    protected override bool Speak => false;

    protected override int Total => 10_000;
}

public sealed class PostgresUsageDurabilityTests(ITestOutputHelper output) : UsageDurabilityTests(output)
{
    protected override DatabaseTarget Target => DatabaseTarget.Postgres;

    protected override bool Speak => false;

    protected override int Total => 10_000;
}

public sealed class SqliteSpeechUsageDurabilityTests(ITestOutputHelper output) : UsageDurabilityTests(output)
{
    protected override DatabaseTarget Target => DatabaseTarget.Sqlite;

    protected override bool Speak => true;

    protected override int Total => 1_000;
}
