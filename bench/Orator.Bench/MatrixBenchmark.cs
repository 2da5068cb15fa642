using System.Diagnostics;
using System.Globalization;
using Orator.Audio.Encoding;
using Orator.Server.Hosting;

namespace Orator.Bench;

/// <summary>One cell of the matrix: an input, a model and format, at one concurrency.</summary>
public sealed record MatrixCell(
    string Input, int Characters, string Model, string Format, int Concurrency, int Requests, int Errors,
    double AudioSecondsPerRequest, double TtfaP50Ms, double TtfaP95Ms, double TotalP50Ms, double WallSeconds, double PeakRssMb)
{
    /// <summary>Per request: wall time over audio seconds (p50 total).</summary>
    public double RealTimeFactor => TotalP50Ms / 1000 / AudioSecondsPerRequest;

    /// <summary>Audio seconds delivered per wall second across all concurrent clients.</summary>
    public double Throughput => (Requests - Errors) * AudioSecondsPerRequest / WallSeconds;

    public double RequestsPerSecond => (Requests - Errors) / WallSeconds;
}

/// <summary>A command-line tool a user would otherwise run, median wall seconds as a whole process.</summary>
public sealed record CliResult(string Input, string Tool, string Command, int Runs, double Seconds);

/// <summary>Orator at concurrency 1 against a CLI on the same text.</summary>
public sealed record CliComparison(string Input, string Orator, string Tool, double OratorSeconds, double ToolSeconds)
{
    public double Ratio => OratorSeconds / ToolSeconds;
}

public sealed record MatrixResult(IReadOnlyList<MatrixCell> Cells, IReadOnlyList<CliResult> Baselines, IReadOnlyList<CliComparison> Comparisons, IReadOnlyList<TargetCheck> Targets);

/// <summary>
/// Inputs x formats x concurrency over real HTTP against the real server (two workers), with the
/// flite, espeak-ng and flite+ffmpeg CLIs on the same texts in the same run as baselines.
/// </summary>
public static class MatrixBenchmark
{
    private static readonly string[] AllFormats = ["mp3", "opus", "aac", "flac", "wav", "pcm"];
    private static readonly int[] AllConcurrency = [1, 2, 4, 8, 16];

    public static async Task<MatrixResult> RunAsync(int runs, bool smoke, CancellationToken cancellationToken)
    {
        (string Name, string Text)[] inputs = smoke
            ? [("short", BenchText.ShortSentence)]
            : [("short", BenchText.ShortSentence), ("paragraph", BenchText.Create(600)), ("long", BenchText.Create(4096))];
        string[] formats = smoke ? ["mp3", "wav"] : AllFormats;
        int[] levels = smoke ? [1, 2] : AllConcurrency;

        await using var server = await OratorServer.StartAsync(["--urls=http://127.0.0.1:0", "--Orator:Workers=2", "--Logging:LogLevel:Default=Warning"], cancellationToken: cancellationToken);
        using var http = SpeechClient.Create(server.Urls[0]);
        IEnumerable<int> Pids() => [Environment.ProcessId, .. server.Engines.Pool?.ProcessIds ?? []];

        var cells = new List<MatrixCell>();
        var baselines = new List<CliResult>();
        var comparisons = new List<CliComparison>();
        foreach (var (name, text) in inputs)
        {
            // Audio length is the same for every format: measure it once as pcm (also the warm-up).
            var flitePcm = await SpeechClient.SpeakAsync(http, "flite", "slt", text, "pcm", cancellationToken);
            var espeakPcm = await SpeechClient.SpeakAsync(http, "espeak", "en-us", text, "pcm", cancellationToken);
            var fliteAudio = flitePcm.Bytes / 2.0 / AudioEncoderFactory.OutputSampleRate;
            var espeakAudio = espeakPcm.Bytes / 2.0 / AudioEncoderFactory.OutputSampleRate;

            foreach (var format in formats)
            {
                foreach (var concurrency in levels)
                {
                    // Long text at 8 and 16 only for wav and mp3, to keep the run under ~10 minutes.
                    if (name == "long" && concurrency > 4 && format is not ("wav" or "mp3"))
                    {
                        continue;
                    }

                    var requests = name == "short" ? Math.Max(8, 4 * concurrency) : Math.Max(concurrency, concurrency == 1 ? 3 : 0);
                    if (smoke)
                    {
                        requests = Math.Max(2, concurrency);
                    }

                    cells.Add(await RunCellAsync(http, Pids, name, text, "flite", "slt", format, concurrency, requests, fliteAudio, cancellationToken));
                }
            }

            cells.Add(await RunCellAsync(http, Pids, name, text, "espeak", "en-us", "wav", 1, smoke ? 2 : 3, espeakAudio, cancellationToken));

            var textFile = Path.Combine(Path.GetTempPath(), $"orator-matrix-{name}.txt");
            await File.WriteAllTextAsync(textFile, text, cancellationToken);
            var wav = Path.Combine(Path.GetTempPath(), "orator-matrix-cli.wav");
            var mp3 = Path.Combine(Path.GetTempPath(), "orator-matrix-cli.mp3");
            var flite = await BaselineAsync(name, "flite", $"flite -voice slt -f {textFile} -o {wav}", smoke ? 1 : runs, cancellationToken);
            var espeak = await BaselineAsync(name, "espeak-ng", $"espeak-ng -w {wav} -f {textFile}", smoke ? 1 : runs, cancellationToken);

            // `flite -o /dev/stdout | ffmpeg` hangs with Flite 2.2 (it writes the 44-byte header, then
            // cannot seek back on a pipe), so the baseline writes the wav file and then encodes it.
            var fliteFfmpeg = await BaselineAsync(name, "flite+ffmpeg", $"flite -voice slt -f {textFile} -o {wav} && ffmpeg -v error -nostdin -y -f wav -i {wav} -c:a libmp3lame -b:a 64k -f mp3 {mp3}", smoke ? 1 : runs, cancellationToken);
            baselines.AddRange([flite, espeak, fliteFfmpeg]);

            double Total(string model, string format) => cells.Single(c => c.Input == name && c.Model == model && c.Format == format && c.Concurrency == 1).TotalP50Ms / 1000;
            comparisons.Add(new CliComparison(name, "flite wav", "flite", Total("flite", "wav"), flite.Seconds));
            comparisons.Add(new CliComparison(name, "flite mp3", "flite+ffmpeg", Total("flite", "mp3"), fliteFfmpeg.Seconds));
            comparisons.Add(new CliComparison(name, "espeak wav", "espeak-ng", Total("espeak", "wav"), espeak.Seconds));
        }

        var longWav = comparisons.SingleOrDefault(c => c.Input == "long" && c.Tool == "flite");
        var longMp3 = comparisons.SingleOrDefault(c => c.Input == "long" && c.Tool == "flite+ffmpeg");
        var long16 = cells.Where(c => c.Input == "long" && c.Concurrency == 16).ToList();
        TargetCheck[] targets =
        [
            new("4,096 chars wav vs flite CLI", longWav?.Ratio, 1.10, "x"),
            new("4,096 chars mp3 vs flite+ffmpeg", longMp3?.Ratio, 0.90, "x"),
            new("peak RSS, 16 concurrent long streams", long16.Count > 0 ? long16.Max(c => c.PeakRssMb) : null, 500, "MB"),
        ];
        return new MatrixResult(cells, baselines, comparisons, targets);
    }

    public static IEnumerable<string> Report(MatrixResult result)
    {
        var c = CultureInfo.InvariantCulture;
        yield return "matrix: flite slt (and espeak en-us wav) over HTTP, 2 workers; RSS = bench process (hosts the server) + workers";
        yield return "input      model  format conc  reqs err  audio s  TTFA p50  TTFA p95  total p50     RTF  audio s/s   req/s  peak RSS MB";
        foreach (var r in result.Cells)
        {
            yield return string.Create(c, $"{r.Input,-10} {r.Model,-6} {r.Format,-6} {r.Concurrency,4} {r.Requests,5} {r.Errors,3} {r.AudioSecondsPerRequest,8:F1} {r.TtfaP50Ms,9:F1} {r.TtfaP95Ms,9:F1} {r.TotalP50Ms,10:F0} {r.RealTimeFactor,7:F4} {r.Throughput,10:F1} {r.RequestsPerSecond,7:F2} {r.PeakRssMb,12:F1}");
        }

        foreach (var b in result.Baselines)
        {
            yield return string.Create(c, $"baseline {b.Input,-10} {b.Tool,-13} {b.Seconds,8:F3} s (median of {b.Runs})");
        }

        foreach (var x in result.Comparisons)
        {
            yield return string.Create(c, $"ratio {x.Input,-10} orator {x.Orator,-11} {x.OratorSeconds,8:F3} s vs {x.Tool,-13} {x.ToolSeconds,8:F3} s = {x.Ratio:F3}x");
        }

        foreach (var t in result.Targets)
        {
            yield return t.Line();
        }
    }

    private static async Task<MatrixCell> RunCellAsync(
        HttpClient http, Func<IEnumerable<int>> pids, string input, string text, string model, string voice, string format,
        int concurrency, int requests, double audioSeconds, CancellationToken cancellationToken)
    {
        var timings = new SpeechTiming[requests];
        var next = -1;
        var sampler = new RssSampler(pids);
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < requests)
            {
                timings[i] = await SpeechClient.SpeakAsync(http, model, voice, text, format, cancellationToken);
            }
        }));
        var wall = clock.Elapsed.TotalSeconds;
        await sampler.DisposeAsync();

        var ok = timings.Where(t => t.Ok).ToList();
        return new MatrixCell(
            input, text.Length, model, format, concurrency, requests, requests - ok.Count, audioSeconds,
            Stats.Percentile(ok.Select(t => t.TtfaMs), 0.5), Stats.Percentile(ok.Select(t => t.TtfaMs), 0.95),
            Stats.Percentile(ok.Select(t => t.TotalMs), 0.5), wall, sampler.PeakMb);
    }

    private static async Task<CliResult> BaselineAsync(string input, string tool, string command, int runs, CancellationToken cancellationToken)
    {
        await CliBaseline.TimeAsync(command, cancellationToken); // warm-up: page cache
        var seconds = new List<double>();
        for (var run = 0; run < runs; run++)
        {
            seconds.Add(await CliBaseline.TimeAsync(command, cancellationToken));
        }

        return new CliResult(input, tool, command, runs, Stats.Median(seconds));
    }
}
