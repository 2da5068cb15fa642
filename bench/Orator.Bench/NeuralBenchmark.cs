using System.Diagnostics;
using System.Globalization;
using Orator.Core.Audio;
using Orator.Core.Engines;
using Orator.Engines.Neural;
using Orator.Models.Store;
using Orator.Engines.Neural.Kokoro;
using Orator.Engines.Neural.Phonemes;
using Orator.Engines.Neural.Piper;
using Orator.Testing.NeuralFixtures;

namespace Orator.Bench;

/// <summary>Per-sentence figures for one neural engine voice.</summary>
/// <param name="Engine">kokoro or piper.</param>
/// <param name="Voice">The voice measured.</param>
/// <param name="Models">"fixture" (the test graphs) or the real model directory.</param>
/// <param name="PrepareMs">Median phonemize + misaki mapping + tokenize per sentence.</param>
/// <param name="SynthesisMs">Median whole engine call per sentence (prepare, tensors, model run, post-processing).</param>
/// <param name="AudioSeconds">Audio produced per sentence, median.</param>
public sealed record NeuralVoiceResult(string Engine, string Voice, string Models, double PrepareMs, double SynthesisMs, double AudioSeconds)
{
    /// <summary>Audio seconds per wall second (real weights only mean anything here).</summary>
    public double RealTimeFactor => AudioSeconds / (SynthesisMs / 1000.0);
}

/// <summary>Everything the neural suite measured.</summary>
public sealed record NeuralResult(int Sentences, int Runs, IReadOnlyList<NeuralVoiceResult> Voices, IReadOnlyList<TargetCheck> Targets);

/// <summary>
/// The neural engines' own overhead per sentence. With the fixture graphs (which cost the runtime
/// next to nothing) the whole engine call is phonemize + tokenize + tensor setup + ONNX Runtime
/// dispatch + post-processing, the part Orator adds around a real model: target under 5 ms per
/// sentence. With <c>--models DIR</c> the same is measured on the real weights found there.
/// </summary>
public static class NeuralBenchmark
{
    private const double TargetMs = 5.0;

    private static readonly string[] Sentences =
    [
        "The harbour was quiet in the early morning, and the fishing boats rocked gently against the pier.",
        "A young engineer walked along the sea wall, thinking about the machine she had promised to finish.",
        "Every part of it had been drawn by hand, measured twice, and cut from plates of bright steel.",
        "When the wind turned cold she went inside, lit the stove, and opened her notebook to a clean page.",
        "She wrote down three numbers, crossed out two of them, and smiled at the one that remained.",
        "By noon the workshop smelled of oil and coffee.",
    ];

    public static async Task<NeuralResult> RunAsync(int runs, bool smoke, string? modelsDirectory, CancellationToken cancellationToken)
    {
        var sentences = smoke ? Sentences[..3] : Sentences;
        var results = new List<NeuralVoiceResult>();
        var phonemizer = new EspeakPhonemizer();
        using (var store = new FixtureStore().WithKokoro(samplesPerToken: 240).WithPiper("en_US-fixture-medium", multiSpeaker: false, sampleRate: 22050, samplesPerToken: 220))
        {
            results.AddRange(await MeasureStoreAsync(store.Root, "fixture", phonemizer, sentences, runs, cancellationToken));
        }

        if (modelsDirectory is not null)
        {
            results.AddRange(await MeasureStoreAsync(Path.GetFullPath(modelsDirectory), modelsDirectory, phonemizer, sentences, runs, cancellationToken));
        }

        var fixtureWorst = results.Where(r => r.Models == "fixture").Max(r => r.SynthesisMs);
        return new NeuralResult(sentences.Length, runs, results, [new TargetCheck("neural engine overhead per sentence (fixture graphs)", fixtureWorst, TargetMs, "ms")]);
    }

    public static IEnumerable<string> Report(NeuralResult result)
    {
        var c = CultureInfo.InvariantCulture;
        yield return string.Create(c, $"neural: {result.Sentences} sentences, medians over {result.Runs} runs; {Environment.ProcessorCount} cores");
        foreach (var v in result.Voices)
        {
            yield return string.Create(c, $"{v.Engine,-7} {v.Voice,-24} {v.Models,-10} prepare {v.PrepareMs,7:F3} ms  engine call {v.SynthesisMs,8:F3} ms  audio {v.AudioSeconds,6:F2} s  x{v.RealTimeFactor,7:F1} real time");
        }

        foreach (var t in result.Targets)
        {
            yield return t.Line();
        }
    }

    private static async Task<List<NeuralVoiceResult>> MeasureStoreAsync(string root, string label, IPhonemizer phonemizer, string[] sentences, int runs, CancellationToken cancellationToken)
    {
        var problems = new List<(string EngineId, string Problem)>();
        var engines = new NeuralModelScanner(new ModelStoreLayout(root), phonemizer).Open(problems);
        foreach (var (engine, problem) in problems)
        {
            Console.Error.WriteLine($"{engine}: {problem}");
        }

        var results = new List<NeuralVoiceResult>();
        try
        {
            foreach (var engine in engines)
            {
                var voice = engine switch
                {
                    KokoroEngine k => k.FindVoice("af_heart") ?? k.Voices[0],
                    _ => engine.Voices[0],
                };
                Func<string, object> prepare = engine switch
                {
                    KokoroEngine k => text => k.Tokenize(text, KokoroLanguage.Of(voice.NativeName)!),
                    PiperEngine p => text => p.Tokenize(p.Models.First(m => m.Name == voice.NativeName), text),
                    _ => throw new InvalidOperationException(engine.Id),
                };
                results.Add(await MeasureVoiceAsync(engine, voice, label, prepare, sentences, runs, cancellationToken));
            }
        }
        finally
        {
            foreach (var engine in engines.OfType<IDisposable>())
            {
                engine.Dispose();
            }
        }

        return results;
    }

    private static async Task<NeuralVoiceResult> MeasureVoiceAsync(ISpeechEngine engine, EngineVoice voice, string label, Func<string, object> prepare, string[] sentences, int runs, CancellationToken cancellationToken)
    {
        var sink = new CountingSink();
        // Warm-up: the first call loads espeak-ng's voice data and the ONNX session's kernels.
        await engine.SynthesizeAsync(new SynthesisRequest(voice, [sentences[0]], Prosody.Neutral), sink, cancellationToken);

        var prepareMs = new List<double>();
        var synthesisMs = new List<double>();
        var audioSeconds = new List<double>();
        for (var run = 0; run < Math.Max(1, runs); run++)
        {
            foreach (var sentence in sentences)
            {
                var start = Stopwatch.GetTimestamp();
                prepare(sentence);
                prepareMs.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);

                sink.Samples = 0;
                start = Stopwatch.GetTimestamp();
                await engine.SynthesizeAsync(new SynthesisRequest(voice, [sentence], Prosody.Neutral), sink, cancellationToken);
                synthesisMs.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                audioSeconds.Add(sink.Samples / (double)voice.SampleRate);
            }
        }

        return new NeuralVoiceResult(engine.Id, voice.NativeName, label, Median(prepareMs), Median(synthesisMs), Median(audioSeconds));
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    /// <summary>Counts samples and drops them.</summary>
    private sealed class CountingSink : IPcmSink
    {
        public long Samples { get; set; }

        public ValueTask WriteAsync(ReadOnlyMemory<short> samples, CancellationToken cancellationToken)
        {
            Samples += samples.Length;
            return ValueTask.CompletedTask;
        }

        public ValueTask EndSegmentAsync(int segment, CancellationToken cancellationToken) => ValueTask.CompletedTask;
    }
}
