using System.Globalization;
using Orator.Server.Hosting;

namespace Orator.Bench;

/// <summary>The render cache (issue 20): short repeated phrases from a cached server vs an uncached one, in one run.</summary>
public sealed record CacheResult(
    int Requests,
    double UncachedTtfaP50Ms,
    double CachedTtfaP50Ms,
    double UncachedRequestsPerSecond,
    double CachedRequestsPerSecond,
    IReadOnlyList<TargetCheck> Targets)
{
    /// <summary>How many times the cached server's throughput the uncached one reaches (issue target: at most 1/20).</summary>
    public double ThroughputShare => UncachedRequestsPerSecond / CachedRequestsPerSecond;
}

/// <summary>
/// Two servers in this process, two workers each, one with a 64 MB render cache. Each is warmed
/// with the phrases once (the cached one then holds them), then measured one after the other:
/// time to first audio of sequential requests (p50), and requests per second of 8 concurrent
/// clients cycling through the phrases.
/// </summary>
public static class CacheBenchmark
{
    private static readonly string[] Phrases =
    [
        "Your table is ready.", "The front door is open.", "Motion detected in the garden.",
        "The washing machine has finished.", "Good morning. It is seven o'clock.", "Battery low.",
    ];

    public static async Task<CacheResult> RunAsync(int runs, bool smoke)
    {
        var rounds = smoke ? 2 : 10 * runs;
        await using var uncached = await StartAsync([]);
        await using var cached = await StartAsync(["--Orator:Cache:MemoryMB=64"]);
        using var plain = SpeechClient.Create(uncached.Urls[0]);
        using var fast = SpeechClient.Create(cached.Urls[0]);
        await WarmAsync(plain);
        await WarmAsync(fast);

        var uncachedTtfa = await SequentialTtfaAsync(plain, rounds);
        var cachedTtfa = await SequentialTtfaAsync(fast, rounds);
        var uncachedRate = await ThroughputAsync(plain, smoke ? 12 : 8 * 6 * runs);
        var cachedRate = await ThroughputAsync(fast, smoke ? 120 : 8 * 6 * 20 * runs);
        var result = new CacheResult(rounds * Phrases.Length, Stats.Median(uncachedTtfa), Stats.Median(cachedTtfa), uncachedRate, cachedRate, []);
        return result with
        {
            Targets =
            [
                new TargetCheck("cache hit TTFA p50", result.CachedTtfaP50Ms, 2, "ms"),
                new TargetCheck("uncached / cached throughput (cached >= 20x)", result.ThroughputShare, 0.05, "x"),
            ],
        };
    }

    public static IEnumerable<string> Report(CacheResult result)
    {
        var c = CultureInfo.InvariantCulture;
        yield return string.Create(c, $"cache: {Phrases.Length} short phrases (flite, mp3), {result.Requests} sequential requests per side; 8 concurrent clients for throughput; {Environment.ProcessorCount} cores");
        yield return string.Create(c, $"TTFA p50     uncached {result.UncachedTtfaP50Ms,8:F2} ms   cached {result.CachedTtfaP50Ms,8:F2} ms");
        yield return string.Create(c, $"throughput   uncached {result.UncachedRequestsPerSecond,8:F1} /s   cached {result.CachedRequestsPerSecond,8:F1} /s   ratio {result.CachedRequestsPerSecond / result.UncachedRequestsPerSecond:F1}x");
        foreach (var target in result.Targets)
        {
            yield return target.Line();
        }
    }

    private static Task<OratorServer> StartAsync(string[] extra) =>
        OratorServer.StartAsync(["--urls=http://127.0.0.1:0", "--Orator:Workers=2", "--Logging:LogLevel:Default=Warning", .. extra]);

    private static async Task WarmAsync(HttpClient http)
    {
        foreach (var phrase in Phrases)
        {
            await SpeakAsync(http, phrase);
        }
    }

    private static async Task<List<double>> SequentialTtfaAsync(HttpClient http, int rounds)
    {
        var ttfa = new List<double>();
        for (var round = 0; round < rounds; round++)
        {
            foreach (var phrase in Phrases)
            {
                ttfa.Add((await SpeakAsync(http, phrase)).TtfaMs);
            }
        }

        return ttfa;
    }

    private static async Task<double> ThroughputAsync(HttpClient http, int requests)
    {
        var next = -1;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            int n;
            while ((n = Interlocked.Increment(ref next)) < requests)
            {
                await SpeakAsync(http, Phrases[n % Phrases.Length]);
            }
        }));
        return requests / clock.Elapsed.TotalSeconds;
    }

    private static async Task<SpeechTiming> SpeakAsync(HttpClient http, string phrase)
    {
        var timing = await SpeechClient.SpeakAsync(http, "flite", "slt", phrase, "mp3", CancellationToken.None);
        return timing.Ok ? timing : throw new InvalidOperationException($"speech failed for '{phrase}'");
    }
}
