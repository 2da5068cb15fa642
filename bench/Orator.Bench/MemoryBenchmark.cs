using System.Globalization;
using Orator.Server.Hosting;

namespace Orator.Bench;

/// <summary>Idle RSS and RSS growth over many sequential short requests (server + workers).</summary>
public sealed record MemoryResult(
    double IdleRssMb,
    double IdlePssMb,
    int Requests,
    IReadOnlyList<double> RssSamplesMb,
    int SampleEvery,
    double SlopeMbPer1000Requests,
    double SecondHalfSlopeMbPer1000Requests,
    double ManagedHeapIdleMb,
    double ManagedHeapEndMb,
    double RssAfterFinalGcMb,
    double PeakRssMb,
    IReadOnlyList<TargetCheck> Targets);

/// <summary>
/// Idle RSS after start, one warm-up request and a full GC of the server's process; then
/// sequential short mp3 requests with VmRSS sampled every <c>SampleEvery</c> requests and a
/// least-squares slope over the samples.
/// </summary>
public static class MemoryBenchmark
{
    public static async Task<MemoryResult> RunAsync(bool smoke, CancellationToken cancellationToken)
    {
        var requests = smoke ? 20 : 2000;
        var every = smoke ? 5 : 100;
        await using var server = await OratorServer.StartAsync(["--urls=http://127.0.0.1:0", "--Orator:Workers=2", "--Logging:LogLevel:Default=Warning"], cancellationToken: cancellationToken);
        using var http = SpeechClient.Create(server.Urls[0]);
        IEnumerable<int> Pids() => [Environment.ProcessId, .. server.Engines.Pool?.ProcessIds ?? []];

        var text = BenchText.ShortSentence;
        await SpeechClient.SpeakAsync(http, "flite", "slt", text, "mp3", cancellationToken);
        var heapIdle = await FullCollectAsync(cancellationToken);
        var idle = RssSampler.TotalMb(Pids());
        var idlePss = RssSampler.TotalPssMb(Pids());

        var samples = new List<double>();
        var points = new List<(double X, double Y)>();
        var sampler = new RssSampler(Pids);
        for (var i = 1; i <= requests; i++)
        {
            var timing = await SpeechClient.SpeakAsync(http, "flite", "slt", text, "mp3", cancellationToken);
            if (!timing.Ok)
            {
                throw new InvalidOperationException($"request {i} failed");
            }

            if (i % every == 0)
            {
                var rss = RssSampler.TotalMb(Pids());
                samples.Add(rss);
                points.Add((i, rss));
            }
        }

        await sampler.DisposeAsync();
        var slope = Stats.Slope(points) * 1000;
        // A leak keeps climbing; a heap settling into its working size flattens: the second half tells them apart.
        var secondHalf = Stats.Slope(points.Skip(points.Count / 2).ToList()) * 1000;
        var heapEnd = await FullCollectAsync(cancellationToken);
        var afterGc = RssSampler.TotalMb(Pids());
        return new MemoryResult(idle, idlePss, requests, samples, every, slope, secondHalf, heapIdle, heapEnd, afterGc, sampler.PeakMb, [new TargetCheck("idle RSS (server + workers)", idle, 150, "MB")]);
    }

    /// <summary>A blocking, compacting full collection of the server's (this) process; returns the live managed heap in MB.</summary>
    private static async Task<double> FullCollectAsync(CancellationToken cancellationToken)
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        await Task.Delay(500, cancellationToken);
        return GC.GetTotalMemory(forceFullCollection: true) / (1024.0 * 1024.0);
    }

    public static IEnumerable<string> Report(MemoryResult r)
    {
        var c = CultureInfo.InvariantCulture;
        yield return string.Create(c, $"memory: idle RSS {r.IdleRssMb:F1} MB (PSS {r.IdlePssMb:F1} MB); {r.Requests} sequential short mp3 requests, RSS every {r.SampleEvery}: first {(r.RssSamplesMb.Count > 0 ? r.RssSamplesMb[0] : 0):F1} MB, last {(r.RssSamplesMb.Count > 0 ? r.RssSamplesMb[^1] : 0):F1} MB, peak {r.PeakRssMb:F1} MB");
        yield return string.Create(c, $"memory: slope {r.SlopeMbPer1000Requests:F2} MB per 1,000 requests (least squares over {r.RssSamplesMb.Count} samples; second half {r.SecondHalfSlopeMbPer1000Requests:F2})");
        yield return string.Create(c, $"memory: live managed heap after a full GC {r.ManagedHeapIdleMb:F1} MB idle, {r.ManagedHeapEndMb:F1} MB after the requests; RSS after that GC {r.RssAfterFinalGcMb:F1} MB");
        foreach (var t in r.Targets)
        {
            yield return t.Line();
        }
    }
}
