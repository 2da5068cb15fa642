using System.Diagnostics;
using System.Net.Http.Json;
using Orator.Server.Hosting;

namespace Orator.Bench;

/// <summary>
/// Issues 2 and 17: one 4,000-character request vs the flite CLI on the same text, and two
/// concurrent requests vs the same two one after the other.
/// </summary>
public static class ConcurrencyBenchmark
{
    public static async Task<BenchResults> RunAsync(int runs, int characters = 4000)
    {
        var text = BenchText.Create(characters);
        var textFile = Path.Combine(Path.GetTempPath(), "orator-bench.txt");
        var wavFile = Path.Combine(Path.GetTempPath(), "orator-bench-cli.wav");
        await File.WriteAllTextAsync(textFile, text);

        await using var server = await OratorServer.StartAsync(["--urls=http://127.0.0.1:0", "--Orator:Workers=2", "--Logging:LogLevel:Default=Warning"]);
        using var http = new HttpClient { BaseAddress = new Uri(server.Urls[0].TrimEnd('/') + "/"), Timeout = TimeSpan.FromMinutes(5) };
        var body = new { model = "flite", voice = "slt", input = text, response_format = "wav" };

        // Warm up both sides once (JIT, page cache, voice loading).
        var audioBytes = await SpeakAsync(http, body);
        await RunCliAsync(textFile, wavFile);

        var cli = new List<double>();
        var single = new List<double>();
        var sequential = new List<double>();
        var concurrent = new List<double>();
        for (var run = 0; run < runs; run++)
        {
            cli.Add(await TimeAsync(() => RunCliAsync(textFile, wavFile)));
            single.Add(await TimeAsync(() => SpeakAsync(http, body)));
            sequential.Add(await TimeAsync(async () =>
            {
                await SpeakAsync(http, body);
                await SpeakAsync(http, body);
            }));
            concurrent.Add(await TimeAsync(() => Task.WhenAll(SpeakAsync(http, body), SpeakAsync(http, body))));
        }

        return new BenchResults(text.Length, runs, Stats.Median(cli), Stats.Median(single), Stats.Median(sequential), Stats.Median(concurrent), (audioBytes - 44) / 2 / 24000.0);
    }

    private static async Task<long> SpeakAsync(HttpClient http, object body)
    {
        using var response = await http.PostAsJsonAsync("v1/audio/speech", body);
        response.EnsureSuccessStatusCode();
        await using var stream = await response.Content.ReadAsStreamAsync();
        var buffer = new byte[64 * 1024];
        long total = 0;
        int n;
        while ((n = await stream.ReadAsync(buffer)) > 0)
        {
            total += n;
        }

        return total;
    }

    private static async Task RunCliAsync(string textFile, string wavFile)
    {
        using var process = Process.Start(new ProcessStartInfo("flite", ["-voice", "slt", "-f", textFile, "-o", wavFile]) { UseShellExecute = false })
            ?? throw new InvalidOperationException("flite CLI not found (install the Debian package flite)");
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"flite exited with {process.ExitCode}");
        }
    }

    private static async Task<double> TimeAsync(Func<Task> action)
    {
        var start = Stopwatch.GetTimestamp();
        await action();
        return Stopwatch.GetElapsedTime(start).TotalSeconds;
    }
}
