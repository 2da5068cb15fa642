using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using Orator.Server.Hosting;
using Orator.Text.Normalization;
using Orator.Text.Pronunciation;

namespace Orator.Bench;

/// <summary>Word error rates of one system over the corpus, and the sentences it got most wrong.</summary>
public sealed record RecognisedRun(string System, double Wer, int Errors, int ReferenceWords, IReadOnlyList<string> Worst);

/// <summary>What the intelligibility suite measured.</summary>
public sealed record IntelligibilityResult(
    int Sentences,
    string Voice,
    RecognisedRun Orator,
    RecognisedRun RawFlite,
    RecognisedRun Ceiling,
    double NormalizeMsPerSentence,
    double SynthesisMsPerSentence,
    IReadOnlyList<TargetCheck> Targets)
{
    public double OratorVsCeiling => Orator.Wer / Math.Max(Ceiling.Wer, 1e-9);

    public double NormalizationShare => NormalizeMsPerSentence / SynthesisMsPerSentence;
}

/// <summary>
/// Issue 6: a corpus dense with numbers, money, dates, units and abbreviations is synthesised
/// (a) by Orator (in-process server, model tts-1, voice alloy = flite:slt, WAV), (b) by the raw
/// <c>flite -voice slt</c> CLI on the raw text, (c) by the same CLI on the hand-written reference
/// readings (the ceiling). Each is transcribed by pocketsphinx and scored by word error rate
/// against the reference reading (lower case, punctuation stripped).
/// </summary>
public static class IntelligibilityBenchmark
{
    private const string PocketsphinxModel = "/usr/share/pocketsphinx/model/en-us";

    public static async Task<IntelligibilityResult> RunAsync(bool smoke, CancellationToken cancellationToken)
    {
        var corpus = LoadCorpus();
        if (smoke)
        {
            corpus = [.. corpus.Take(3)];
        }

        RequireTool("flite", "apt-get install flite");
        RequireTool("ffmpeg", "apt-get install ffmpeg");
        RequireTool("pocketsphinx_batch", "apt-get install pocketsphinx pocketsphinx-en-us");
        var work = Directory.CreateTempSubdirectory("orator-intelligibility-");
        try
        {
            var synthesisMs = await SynthesiseWithOratorAsync(corpus, Path.Combine(work.FullName, "orator"), cancellationToken);
            await SynthesiseWithFliteAsync(corpus.Select(c => c.Raw).ToList(), Path.Combine(work.FullName, "raw"), cancellationToken);
            await SynthesiseWithFliteAsync(corpus.Select(c => c.Reference).ToList(), Path.Combine(work.FullName, "ceiling"), cancellationToken);

            var references = corpus.Select(c => c.Reference).ToList();
            var orator = Score("orator", references, await TranscribeAsync(Path.Combine(work.FullName, "orator"), corpus.Count, cancellationToken));
            var raw = Score("raw flite", references, await TranscribeAsync(Path.Combine(work.FullName, "raw"), corpus.Count, cancellationToken));
            var ceiling = Score("ceiling", references, await TranscribeAsync(Path.Combine(work.FullName, "ceiling"), corpus.Count, cancellationToken));

            var normalizeMs = MeasureNormalization(corpus.Select(c => c.Raw).ToList());
            var result = new IntelligibilityResult(corpus.Count, "tts-1 / alloy (flite:slt)", orator, raw, ceiling, normalizeMs, synthesisMs, []);
            return result with
            {
                Targets =
                [
                    new TargetCheck("intelligibility WER orator / ceiling", result.OratorVsCeiling, 1.15, "x"),
                    new TargetCheck("normalization share of synthesis time", result.NormalizationShare * 100, 2, "%"),
                ],
            };
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    public static IEnumerable<string> Report(IntelligibilityResult r)
    {
        var c = CultureInfo.InvariantCulture;
        yield return string.Create(c, $"intelligibility: {r.Sentences} sentences, voice {r.Voice}, pocketsphinx en-us; WER against the hand-written readings");
        foreach (var run in new[] { r.Orator, r.RawFlite, r.Ceiling })
        {
            yield return string.Create(c, $"  {run.System,-10} WER {run.Wer,6:P1}  ({run.Errors} errors / {run.ReferenceWords} reference words)");
        }

        yield return string.Create(c, $"  orator / ceiling {r.OratorVsCeiling:F3}; raw flite / ceiling {r.RawFlite.Wer / Math.Max(r.Ceiling.Wer, 1e-9):F3}");
        yield return string.Create(c, $"  normalization {r.NormalizeMsPerSentence:F4} ms per sentence vs synthesis {r.SynthesisMsPerSentence:F1} ms per sentence = {r.NormalizationShare:P3}");
        foreach (var line in r.Orator.Worst)
        {
            yield return "  orator worst: " + line;
        }

        foreach (var t in r.Targets)
        {
            yield return t.Line();
        }
    }

    private static List<(string Raw, string Reference)> LoadCorpus()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Data", "intelligibility.tsv");
        return [.. File.ReadLines(path)
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split('\t'))
            .Select(f => f.Length == 2 ? (f[0], f[1]) : throw new InvalidDataException($"{path}: expected raw<TAB>reference: {string.Join('|', f)}"))];
    }

    /// <summary>Speaks every sentence through the real server; returns the mean request time in ms.</summary>
    private static async Task<double> SynthesiseWithOratorAsync(List<(string Raw, string Reference)> corpus, string folder, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        await using var server = await OratorServer.StartAsync(["--urls=http://127.0.0.1:0", "--Orator:Workers=1", "--Logging:LogLevel:Default=Warning"], cancellationToken: cancellationToken);
        using var http = SpeechClient.Create(server.Urls[0]);
        _ = await SpeakAsync(http, "Warm up.", cancellationToken);
        double totalMs = 0;
        for (int i = 0; i < corpus.Count; i++)
        {
            var clock = Stopwatch.StartNew();
            var wav = await SpeakAsync(http, corpus[i].Raw, cancellationToken);
            totalMs += clock.Elapsed.TotalMilliseconds;
            var path = Path.Combine(folder, $"{i:D3}.wav");
            await File.WriteAllBytesAsync(path, wav, cancellationToken);
            await ToRecogniserInputAsync(path, cancellationToken);
        }

        return totalMs / corpus.Count;
    }

    private static async Task<byte[]> SpeakAsync(HttpClient http, string input, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync("v1/audio/speech", new { model = "tts-1", voice = "alloy", input, response_format = "wav" }, cancellationToken);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsByteArrayAsync(cancellationToken);
    }

    private static async Task SynthesiseWithFliteAsync(List<string> texts, string folder, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        for (int i = 0; i < texts.Count; i++)
        {
            var path = Path.Combine(folder, $"{i:D3}.wav");
            await RunAsync("flite", ["-voice", "slt", "-t", texts[i], "-o", path], cancellationToken);
            await ToRecogniserInputAsync(path, cancellationToken);
        }
    }

    /// <summary>pocketsphinx wants 16 kHz mono 16-bit samples; writes them as headerless .raw beside the WAV.</summary>
    private static Task ToRecogniserInputAsync(string wavPath, CancellationToken cancellationToken) =>
        RunAsync("ffmpeg", ["-loglevel", "error", "-y", "-i", wavPath, "-ar", "16000", "-ac", "1", "-f", "s16le", Path.ChangeExtension(wavPath, ".raw")], cancellationToken);

    /// <summary>One pocketsphinx_batch run over a folder (the model loads once); returns the hypothesis per file.</summary>
    private static async Task<string[]> TranscribeAsync(string folder, int count, CancellationToken cancellationToken)
    {
        var control = Path.Combine(folder, "files.ctl");
        var hypotheses = Path.Combine(folder, "out.hyp");
        await File.WriteAllLinesAsync(control, Enumerable.Range(0, count).Select(i => i.ToString("D3", CultureInfo.InvariantCulture)), cancellationToken);
        await RunAsync("pocketsphinx_batch",
        [
            "-hmm", Path.Combine(PocketsphinxModel, "en-us"), "-lm", Path.Combine(PocketsphinxModel, "en-us.lm.bin"),
            "-dict", Path.Combine(PocketsphinxModel, "cmudict-en-us.dict"), "-adcin", "yes", "-adchdr", "0",
            "-cepdir", folder, "-cepext", ".raw", "-ctl", control, "-hyp", hypotheses, "-logfn", "/dev/null",
        ], cancellationToken);

        // Each line is "words words (uttid score)".
        var byId = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in await File.ReadAllLinesAsync(hypotheses, cancellationToken))
        {
            int open = line.LastIndexOf('(');
            if (open < 0)
            {
                continue;
            }

            var id = line[(open + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];
            byId[id] = line[..open].Trim();
        }

        return [.. Enumerable.Range(0, count).Select(i => byId.GetValueOrDefault(i.ToString("D3", CultureInfo.InvariantCulture), string.Empty))];
    }

    private static RecognisedRun Score(string system, List<string> references, string[] hypotheses)
    {
        int errors = 0, words = 0;
        var perSentence = new List<(int Errors, string Line)>();
        for (int i = 0; i < references.Count; i++)
        {
            var reference = WordErrorRate.Words(references[i]);
            int e = WordErrorRate.Errors(reference, WordErrorRate.Words(hypotheses[i]));
            errors += e;
            words += reference.Length;
            perSentence.Add((e, $"{e} errors: ref \"{string.Join(' ', reference)}\" heard \"{hypotheses[i]}\""));
        }

        var worst = perSentence.OrderByDescending(p => p.Errors).Take(5).Select(p => p.Line).ToList();
        return new RecognisedRun(system, errors / (double)Math.Max(words, 1), errors, words, worst);
    }

    /// <summary>Mean time to prepare one sentence exactly as the speech path does (overrides, lexicon, US normalizer).</summary>
    private static double MeasureNormalization(List<string> sentences)
    {
        var preparer = new SpeechTextPreparer();
        var normalizer = new EnglishNormalizer();
        int sink = 0;
        foreach (var s in sentences)
        {
            sink += preparer.Prepare(s, normalizer).Length;
        }

        const int Rounds = 200;
        var clock = Stopwatch.StartNew();
        for (int round = 0; round < Rounds; round++)
        {
            foreach (var s in sentences)
            {
                sink += preparer.Prepare(s, normalizer).Length;
            }
        }

        GC.KeepAlive(sink);
        return clock.Elapsed.TotalMilliseconds / (Rounds * sentences.Count);
    }

    private static void RequireTool(string name, string install)
    {
        var found = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':').Any(d => File.Exists(Path.Combine(d, name)));
        if (!found)
        {
            throw new InvalidOperationException($"the intelligibility suite needs '{name}' on PATH ({install})");
        }
    }

    private static async Task RunAsync(string tool, IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(tool) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in arguments)
        {
            info.ArgumentList.Add(a);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"{tool} did not start");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = await process.StandardError.ReadToEndAsync(cancellationToken);
        await output;
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} exited with {process.ExitCode}: {errors}");
        }
    }
}
