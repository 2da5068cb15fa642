using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;

namespace Orator.Bench;

/// <summary>
/// The gateway against calling the same upstream directly. Both are real <c>orator serve</c>
/// processes: the upstream renders (two engine workers), the gateway routes <c>tts-1</c> to it and
/// streams its bytes through. Direct and gateway requests are interleaved (the side that goes first
/// alternates every round), so a change in the shared machine's load falls on both: time to first
/// audio byte of a short sentence at 1 and 8 clients, wall time of a batch of paragraphs from
/// 8 clients, and the CPU each process spends per request. Every gateway answer must say it came
/// from the upstream, and one must equal the direct answer byte for byte: otherwise the suite fails,
/// as it would be measuring another path.
/// </summary>
public static class GatewayBenchmark
{
    private const string UpstreamName = "box";
    private const string Model = "tts-1";
    private const string Voice = "alloy";
    private const string Format = "mp3";
    private const int Clients = 8;
    private const int UpstreamWorkers = 2;

    /// <summary>The issue's targets: TTFA p50 overhead under 5 ms, throughput at least 0.95 of direct.</summary>
    private const double OverheadTargetMs = 5;

    private const double ThroughputTarget = 0.95;

    public static async Task<GatewayResult> RunAsync(int runs, bool smoke, CancellationToken cancellationToken)
    {
        var folder = Directory.CreateTempSubdirectory("orator-bench-gateway-").FullName;
        try
        {
            await using var upstream = await ServeProcess.StartAsync("upstream", folder, UpstreamWorkers, []);
            // One worker: the gateway renders nothing itself (the upstream's priority, 10, comes before the local engines' 100).
            await using var gateway = await ServeProcess.StartAsync("gateway", folder, 1,
                [$"--Orator:Upstreams:{UpstreamName}:BaseUrl={upstream.Url}/v1", $"--Orator:Upstreams:{UpstreamName}:Models:0={Model}"]);
            using var directHttp = SpeechClient.Create(upstream.Url);
            using var gatewayHttp = SpeechClient.Create(gateway.Url);
            var direct = new Side("direct", directHttp, "local");
            var via = new Side("gateway", gatewayHttp, UpstreamName);
            var paragraph = BenchText.Create(500);

            // Warm-up: the first calls compile (tiered compilation is off in the server), and 8 clients open 8 connections on each hop.
            foreach (var side in new[] { direct, via })
            {
                await SpeakAsync(side, BenchText.ShortSentence, cancellationToken);
                await RoundAsync(side, Clients, BenchText.ShortSentence, cancellationToken);
            }

            var identicalBytes = await IdenticalBytesAsync(direct, via, paragraph, cancellationToken);
            var ttfa = new List<GatewayTtfa>();
            foreach (var (clients, rounds) in smoke ? [(1, 3), (Clients, 1)] : new[] { (1, 20 * runs), (Clients, 8 * runs) })
            {
                ttfa.Add(await TtfaAsync(direct, via, clients, rounds, cancellationToken));
            }

            // Smoke mode only proves the suite runs: one batch of short sentences, seconds even on a loaded machine.
            var (throughput, cpu) = smoke
                ? await ThroughputAsync(direct, via, upstream, gateway, BenchText.ShortSentence, Clients, 1, cancellationToken)
                : await ThroughputAsync(direct, via, upstream, gateway, paragraph, Clients * 4, runs, cancellationToken);
            return new GatewayResult(UpstreamName, smoke ? 1 : runs, via.Answers, identicalBytes, ttfa, throughput, cpu,
            [
                .. ttfa.Select(t => new TargetCheck($"gateway TTFA p50 overhead, {t.Clients} client(s)", t.OverheadP50Ms, OverheadTargetMs, "ms")),
                new TargetCheck("gateway throughput, direct / gateway time", throughput.Ratio, ThroughputTarget, "x", AtLeast: true),
            ]);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    public static IEnumerable<string> Report(GatewayResult r)
    {
        var c = CultureInfo.InvariantCulture;
        yield return string.Create(c, $"gateway: `orator serve` upstream ({UpstreamWorkers} workers) called directly vs through a second `orator serve` routing {Model} to it as '{r.Upstream}'; {Voice} (Flite slt), {Format}; interleaved; {Environment.ProcessorCount} cores");
        foreach (var t in r.Ttfa)
        {
            yield return string.Create(c, $"TTFA {t.Clients} client(s), short sentence, {t.RequestsPerSide} requests a side: direct p50 {t.DirectP50Ms:F2} ms p95 {t.DirectP95Ms:F2} ms; gateway p50 {t.GatewayP50Ms:F2} ms p95 {t.GatewayP95Ms:F2} ms; overhead p50 {t.OverheadP50Ms:+0.00;-0.00} ms, p95 {t.OverheadP95Ms:+0.00;-0.00} ms, median of paired rounds {t.PairedOverheadMs:+0.00;-0.00} ms");
        }

        var tp = r.Throughput;
        yield return string.Create(c, $"throughput: {tp.Requests} requests of {tp.Characters} characters from {tp.Clients} clients, medians of {r.Runs}: direct {tp.DirectSeconds:F2} s, gateway {tp.GatewaySeconds:F2} s; direct / gateway time {tp.Ratio:F3}x");
        var cpu = r.Cpu;
        yield return string.Create(c, $"CPU per request: gateway {cpu.GatewayMsPerRequest:F2} ms; upstream {cpu.UpstreamMsPerRequest:F1} ms (server process {cpu.UpstreamServerMsPerRequest:F2} ms; {cpu.UpstreamDirectMsPerRequest:F1} ms when called directly); gateway / upstream {cpu.GatewayVsUpstream:F3}x, / upstream server process {cpu.GatewayVsUpstreamServer:F2}x");
        yield return string.Create(c, $"checked: all {r.GatewayResponsesChecked} gateway answers had x-orator-backend: {r.Upstream}; a {r.IdenticalResponseBytes:N0}-byte {Format} answer was byte-identical direct and through the gateway");
        foreach (var t in r.Targets)
        {
            yield return t.Line();
        }
    }

    private static async Task<GatewayTtfa> TtfaAsync(Side direct, Side via, int clients, int rounds, CancellationToken cancellationToken)
    {
        var directMs = new List<double>();
        var gatewayMs = new List<double>();
        var pairs = new List<double>();
        for (var round = 0; round < rounds; round++)
        {
            double directRound = 0, gatewayRound = 0;
            foreach (var side in round % 2 == 0 ? [direct, via] : new[] { via, direct })
            {
                var ttfa = (await RoundAsync(side, clients, BenchText.ShortSentence, cancellationToken)).Select(t => t.TtfaMs).ToList();
                if (side == direct)
                {
                    directMs.AddRange(ttfa);
                    directRound = Stats.Median(ttfa);
                }
                else
                {
                    gatewayMs.AddRange(ttfa);
                    gatewayRound = Stats.Median(ttfa);
                }
            }

            pairs.Add(gatewayRound - directRound);
        }

        return new GatewayTtfa(clients, directMs.Count, Stats.Percentile(directMs, 0.5), Stats.Percentile(directMs, 0.95),
            Stats.Percentile(gatewayMs, 0.5), Stats.Percentile(gatewayMs, 0.95), Stats.Median(pairs));
    }

    /// <summary>
    /// Pairs of batches, the first side alternating; the CPU of both processes (with their workers)
    /// is read around every batch, so each figure covers only its own side's requests.
    /// </summary>
    private static async Task<(GatewayThroughput, GatewayCpu)> ThroughputAsync(
        Side direct, Side via, ServeProcess upstream, ServeProcess gateway, string text, int requests, int runs, CancellationToken cancellationToken)
    {
        var directSeconds = new List<double>();
        var gatewaySeconds = new List<double>();
        var ratios = new List<double>();
        double gatewayCpu = 0, upstreamCpu = 0, upstreamServerCpu = 0, upstreamDirectCpu = 0;
        for (var run = 0; run < runs; run++)
        {
            double directWall = 0, gatewayWall = 0;
            foreach (var side in run % 2 == 0 ? [direct, via] : new[] { via, direct })
            {
                var (gatewayBefore, upstreamBefore) = (gateway.CpuMs(), upstream.CpuMs());
                var wall = await BatchAsync(side, text, requests, cancellationToken);
                var (gatewayAfter, upstreamAfter) = (gateway.CpuMs(), upstream.CpuMs());
                if (side == via)
                {
                    gatewayWall = wall;
                    gatewayCpu += gatewayAfter.WithWorkers - gatewayBefore.WithWorkers;
                    upstreamCpu += upstreamAfter.WithWorkers - upstreamBefore.WithWorkers;
                    upstreamServerCpu += upstreamAfter.Server - upstreamBefore.Server;
                }
                else
                {
                    directWall = wall;
                    upstreamDirectCpu += upstreamAfter.WithWorkers - upstreamBefore.WithWorkers;
                }
            }

            directSeconds.Add(directWall);
            gatewaySeconds.Add(gatewayWall);
            ratios.Add(directWall / gatewayWall);
        }

        var total = (double)requests * runs;
        return (
            new GatewayThroughput(requests, Clients, text.Length, Stats.Median(directSeconds), Stats.Median(gatewaySeconds), Stats.Median(ratios)),
            new GatewayCpu(gatewayCpu / total, upstreamCpu / total, upstreamServerCpu / total, upstreamDirectCpu / total));
    }

    /// <summary>Seconds for <see cref="Clients"/> clients to get through <paramref name="requests"/> requests, each taking the next as it finishes one.</summary>
    private static async Task<double> BatchAsync(Side side, string text, int requests, CancellationToken cancellationToken)
    {
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Clients).Select(async _ =>
        {
            while (Interlocked.Increment(ref next) < requests)
            {
                await SpeakAsync(side, text, cancellationToken);
            }
        }));
        return clock.Elapsed.TotalSeconds;
    }

    private static Task<SpeechTiming[]> RoundAsync(Side side, int clients, string text, CancellationToken cancellationToken) =>
        Task.WhenAll(Enumerable.Range(0, clients).Select(_ => SpeakAsync(side, text, cancellationToken)));

    private static async Task<SpeechTiming> SpeakAsync(Side side, string text, CancellationToken cancellationToken)
    {
        var timing = await SpeechClient.SpeakAsync(side.Http, Model, Voice, text, Format, cancellationToken);
        if (!timing.Ok)
        {
            throw new InvalidOperationException($"gateway bench: a {side.Name} speech request failed");
        }

        side.Check(timing.Backend);
        return timing;
    }

    /// <summary>The same request direct and through the gateway; throws unless the two bodies are equal. Returns their length.</summary>
    private static async Task<int> IdenticalBytesAsync(Side direct, Side via, string text, CancellationToken cancellationToken)
    {
        var expected = await BodyAsync(direct, text, cancellationToken);
        var relayed = await BodyAsync(via, text, cancellationToken);
        return expected.AsSpan().SequenceEqual(relayed)
            ? expected.Length
            : throw new InvalidOperationException($"gateway bench: the gateway's answer ({relayed.Length} bytes) differs from the upstream's direct answer to the same request ({expected.Length} bytes)");
    }

    private static async Task<byte[]> BodyAsync(Side side, string text, CancellationToken cancellationToken)
    {
        using var response = await side.Http.PostAsJsonAsync("v1/audio/speech", new { model = Model, voice = Voice, input = text, response_format = Format }, cancellationToken);
        response.EnsureSuccessStatusCode();
        side.Check(SpeechClient.BackendOf(response));
        return await response.Content.ReadAsByteArrayAsync(cancellationToken);
    }

    /// <summary>One way to the upstream: its client, and the backend every answer must name.</summary>
    private sealed class Side(string name, HttpClient http, string backend)
    {
        private int _answers;

        public string Name => name;

        public HttpClient Http => http;

        /// <summary>Answers checked so far.</summary>
        public int Answers => Volatile.Read(ref _answers);

        /// <summary>Throws unless <paramref name="answeredBy"/> (an answer's <c>x-orator-backend</c>) is this side's backend.</summary>
        public void Check(string? answeredBy)
        {
            if (answeredBy != backend)
            {
                throw new InvalidOperationException(
                    $"gateway bench: a {name} answer came from backend '{answeredBy ?? "(no x-orator-backend header)"}', not '{backend}': the benchmark would measure the wrong path");
            }

            Interlocked.Increment(ref _answers);
        }
    }
}
