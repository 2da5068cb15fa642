using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using Orator.Server.Hosting;

namespace Orator.Bench;

/// <summary>Time to first audio byte and total time for one concurrency level.</summary>
public sealed record TtfaResult(int Concurrency, int Requests, double TtfaP50Ms, double TtfaP95Ms, double TotalP50Ms, double TtfaShareOfTotalP50)
{
    public double TtfaTargetMs => Concurrency == 1 ? 100 : 400;

    public bool TargetMet => TtfaP50Ms < TtfaTargetMs && (Concurrency > 1 || TtfaShareOfTotalP50 < 0.05);
}

/// <summary>
/// Issue 4's target: for a 4,096-character input, default Flite voice, mp3: p50 time to first
/// audio byte under 100 ms and under 5% of the request's total time; with 8 concurrent such
/// requests, p50 under 400 ms. Measured over real HTTP against the real server.
/// </summary>
public static class TtfaBenchmark
{
    public static async Task<IReadOnlyList<TtfaResult>> RunAsync(int runs, bool smoke = false)
    {
        var text = BenchText.Create(smoke ? 600 : 4096);
        await using var server = await OratorServer.StartAsync(["--urls=http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning"]);
        using var http = new HttpClient { BaseAddress = new Uri(server.Urls[0].TrimEnd('/') + "/"), Timeout = TimeSpan.FromMinutes(5) };
        var body = new { model = "tts-1", voice = "alloy", input = text, response_format = "mp3" };
        await MeasureAsync(http, body); // warm-up

        var results = new List<TtfaResult>();
        foreach (var concurrency in smoke ? [1, 2] : new[] { 1, 8 })
        {
            var samples = new List<(double Ttfa, double Total)>();
            var rounds = smoke ? 1 : concurrency == 1 ? Math.Max(5, runs * 4) : Math.Max(2, runs);
            for (var round = 0; round < rounds; round++)
            {
                samples.AddRange(await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => MeasureAsync(http, body))));
            }

            var ttfa = samples.Select(s => s.Ttfa).ToList();
            var totals = samples.Select(s => s.Total).ToList();
            var shares = samples.Select(s => s.Ttfa / s.Total).ToList();
            results.Add(new TtfaResult(concurrency, samples.Count, Percentile(ttfa, 0.5), Percentile(ttfa, 0.95), Percentile(totals, 0.5), Percentile(shares, 0.5)));
        }

        return results;
    }

    public static IEnumerable<string> Report(IReadOnlyList<TtfaResult> results)
    {
        var c = CultureInfo.InvariantCulture;
        yield return "time to first audio byte, 4,096 characters, alloy (Flite slt), mp3";
        foreach (var r in results)
        {
            yield return string.Create(c, $"concurrency {r.Concurrency,2}: {r.Requests,3} requests  TTFA p50 {r.TtfaP50Ms,7:F1} ms  p95 {r.TtfaP95Ms,7:F1} ms  total p50 {r.TotalP50Ms,8:F0} ms  TTFA/total p50 {r.TtfaShareOfTotalP50:P2}  (target p50 < {r.TtfaTargetMs:F0} ms{(r.Concurrency == 1 ? " and < 5%" : "")}) {(r.TargetMet ? "PASS" : "FAIL")}");
        }
    }

    private static async Task<(double Ttfa, double Total)> MeasureAsync(HttpClient http, object body)
    {
        var clock = Stopwatch.StartNew();
        using var request = new HttpRequestMessage(HttpMethod.Post, "v1/audio/speech") { Content = JsonContent.Create(body) };
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        await using var stream = await response.Content.ReadAsStreamAsync();
        var buffer = new byte[64 * 1024];
        var n = await stream.ReadAsync(buffer);
        var ttfa = clock.Elapsed.TotalMilliseconds;
        while (n > 0)
        {
            n = await stream.ReadAsync(buffer);
        }

        return (ttfa, clock.Elapsed.TotalMilliseconds);
    }

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        var index = (int)Math.Ceiling(p * sorted.Count) - 1;
        return sorted[Math.Clamp(index, 0, sorted.Count - 1)];
    }
}
