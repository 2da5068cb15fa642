using System.Diagnostics;
using System.Net.Http.Headers;
using Orator.Storage.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Orator.Storage.Tests.Cli;

public sealed class KillNineTests(ITestOutputHelper output)
{
    [Fact]
    public async Task After_a_kill_9_every_request_older_than_the_flush_interval_is_stored()
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
            var url = await ListeningUrlAsync(server);
            using var http = new HttpClient { BaseAddress = new Uri(url.TrimEnd('/') + "/") };
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "sk-kill-nine-test");
            for (var i = 0; i < Requests; i++)
            {
                using var response = await http.GetAsync("v1/models");
                response.EnsureSuccessStatusCode();
            }

            // Past the flush interval (plus a margin for a loaded machine), nothing may be pending.
            await Task.Delay(FlushMs * 4);
        }
        finally
        {
            server.Kill(entireProcessTree: true); // SIGKILL: no shutdown code runs
            await server.WaitForExitAsync();
        }

        await using var storage = await OratorStorage.OpenAsync(options);
        var rows = await storage.Usage.SummarizeAsync(new Usage.UsageQuery(Usage.UsageGrouping.Key, "static"), CancellationToken.None);
        output.WriteLine($"stored after kill -9: {rows.Sum(r => r.Requests)} of {Requests}");
        Assert.Equal(Requests, rows.Sum(r => r.Requests));
    }

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
            var url = await ListeningUrlAsync(server);
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

    private static async Task<string> ListeningUrlAsync(Process server)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (await server.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            const string Marker = "Orator listening on ";
            if (line.StartsWith(Marker, StringComparison.Ordinal))
            {
                // Keep draining stdout so the server never blocks on a full pipe.
                _ = server.StandardOutput.ReadToEndAsync();
                _ = server.StandardError.ReadToEndAsync();
                return line[Marker.Length..].Trim();
            }
        }

        throw new InvalidOperationException("orator serve exited before listening: " + await server.StandardError.ReadToEndAsync());
    }
}
