using System.Globalization;
using Orator.Server.Hosting;

namespace Orator.Bench;

/// <summary>Idle RSS and RSS growth over many sequential short requests (server + workers).</summary>
public sealed record MemoryResult(double IdleRssMb, int Requests, IReadOnlyList<double> RssSamplesMb, int SampleEvery, double SlopeMbPer1000Requests, double PeakRssMb, IReadOnlyList<TargetCheck> Targets);

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
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        await Task.Delay(500, cancellationToken);
        var idle = RssSampler.TotalMb(Pids());

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
        return new MemoryResult(idle, requests, samples, every, slope, sampler.PeakMb, [new TargetCheck("idle RSS (server + workers)", idle, 150, "MB")]);
    }

    public static IEnumerable<string> Report(MemoryResult r)
    {
        var c = CultureInfo.InvariantCulture;
        yield return string.Create(c, $"memory: idle RSS {r.IdleRssMb:F1} MB; {r.Requests} sequential short mp3 requests, RSS every {r.SampleEvery}: first {(r.RssSamplesMb.Count > 0 ? r.RssSamplesMb[0] : 0):F1} MB, last {(r.RssSamplesMb.Count > 0 ? r.RssSamplesMb[^1] : 0):F1} MB, peak {r.PeakRssMb:F1} MB");
        yield return string.Create(c, $"memory: slope {r.SlopeMbPer1000Requests:F2} MB per 1,000 requests (least squares over {r.RssSamplesMb.Count} samples)");
        foreach (var t in r.Targets)
        {
            yield return t.Line();
        }
    }
}
