using System.Diagnostics;
using System.Net.Http.Headers;
using Orator.Storage.Tests.Infrastructure;
using Orator.Testing.Cli;
using Xunit.Abstractions;

namespace Orator.Storage.Tests.Cli;

public sealed class KillNineTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Records_reach_the_database_on_the_flush_timer_and_survive_a_kill_9()
    {
        const int Requests = 200;
        const int FlushMs = 250;
        var options = await DatabaseTarget.Sqlite.NewDatabaseAsync();
        var cli = new CliRunner(options);
        var info = cli.StartInfo("serve", "--urls", "http://127.0.0.1:0", "--workers", "1", $"--Orator:Storage:UsageFlushMilliseconds={FlushMs}", "--Logging:LogLevel:Default=Warning");
        info.Environment["ORATOR_API_KEYS"] = "sk-kill-nine-test";
        using var server = Process.Start(info)!;
        try
        {
            var url = await OratorProcess.ListeningUrlAsync(server);
            using var http = new HttpClient { BaseAddress = new Uri(url.TrimEnd('/') + "/") };
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "sk-kill-nine-test");
            for (var i = 0; i < Requests; i++)
            {
                using var response = await http.GetAsync("v1/models");
                response.EnsureSuccessStatusCode();
            }

            // Every record reaches the database on the flush timer, with no shutdown to help: the
            // test watches the file from outside (a loaded machine may take a few intervals).
            var clock = Stopwatch.StartNew();
            long stored;
            await using (var watcher = await OratorStorage.OpenAsync(options))
            {
                while ((stored = await StoredAsync(watcher)) < Requests && clock.Elapsed < TimeSpan.FromSeconds(20))
                {
                    await Task.Delay(FlushMs / 5);
                }
            }

            output.WriteLine($"{stored} of {Requests} stored {clock.Elapsed.TotalMilliseconds:F0} ms after the last response (flush interval {FlushMs} ms)");
            Assert.Equal(Requests, stored);
        }
        finally
        {
            server.Kill(entireProcessTree: true); // SIGKILL: no shutdown code runs
            await server.WaitForExitAsync();
        }

        // What was flushed before the kill survives it: the kill can only lose the last interval.
        await using var storage = await OratorStorage.OpenAsync(options);
        var afterKill = await StoredAsync(storage);
        output.WriteLine($"stored after kill -9: {afterKill} of {Requests}");
        Assert.Equal(Requests, afterKill);
    }

    private static async Task<long> StoredAsync(OratorStorage storage) =>
        (await storage.Usage.SummarizeAsync(new Usage.UsageQuery(Usage.UsageGrouping.Key, "static"), CancellationToken.None)).Sum(r => r.Requests);

    [Fact]
    public async Task A_sigterm_right_after_the_last_response_still_stores_every_record()
    {
        const int Requests = 300;
        var options = await DatabaseTarget.Sqlite.NewDatabaseAsync();
        var cli = new CliRunner(options);
        // A long flush interval: only the shutdown flush can have written the records.
        var info = cli.StartInfo("serve", "--urls", "http://127.0.0.1:0", "--workers", "1", "--Orator:Storage:UsageFlushMilliseconds=60000", "--Logging:LogLevel:Default=Warning");
        info.Environment["ORATOR_API_KEYS"] = "sk-sigterm-test";
        using var server = Process.Start(info)!;
        try
        {
            var url = await OratorProcess.ListeningUrlAsync(server);
            using var http = new HttpClient { BaseAddress = new Uri(url.TrimEnd('/') + "/") };
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "sk-sigterm-test");
            for (var i = 0; i < Requests; i++)
            {
                using var response = await http.GetAsync("v1/models");
                response.EnsureSuccessStatusCode();
            }

            using var kill = Process.Start("kill", ["-TERM", server.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!;
            await kill.WaitForExitAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await server.WaitForExitAsync(timeout.Token);
        }
        finally
        {
            if (!server.HasExited)
            {
                server.Kill(entireProcessTree: true);
            }
        }

        await using var storage = await OratorStorage.OpenAsync(options);
        var rows = await storage.Usage.SummarizeAsync(new Usage.UsageQuery(Usage.UsageGrouping.Key, "static"), CancellationToken.None);
        output.WriteLine($"stored after SIGTERM: {rows.Sum(r => r.Requests)} of {Requests}");
        Assert.Equal(Requests, rows.Sum(r => r.Requests));
    }
}
