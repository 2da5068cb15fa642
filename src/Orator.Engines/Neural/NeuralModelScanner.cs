using Orator.Core.Engines;
using Orator.Engines.Neural.Kokoro;
using Orator.Engines.Neural.Phonemes;
using Orator.Engines.Neural.Piper;
using Orator.Models.Store;

namespace Orator.Engines.Neural;

/// <summary>
/// Finds the neural models in a model store and opens them: Kokoro when a model variant and its
/// voices are there, and every Piper <c>.onnx</c> that has its <c>.onnx.json</c>. Files that are
/// missing mean no engine (nothing listed); files that are there but broken are reported as
/// problems instead of failing the server. ONNX Runtime is loaded only when a model is found.
/// </summary>
public sealed class NeuralModelScanner(ModelStoreLayout layout, IPhonemizer phonemizer, string? kokoroVariant = null, int intraOpThreads = 0, IReadOnlySet<string>? disabledEngines = null)
{
    /// <summary>The Kokoro variants in the order the server prefers them.</summary>
    public static IReadOnlyList<KokoroVariant> VariantPreference { get; } = [KokoroVariant.Fp32, KokoroVariant.Fp16, KokoroVariant.Int8];

    /// <summary>A folder of raw Kokoro voice files, read instead of the voice pack when present.</summary>
    public string KokoroVoicesDirectory => Path.Combine(layout.KokoroDirectory, "voices");

    /// <summary>Kokoro's config.json (optional: the vocabulary is embedded).</summary>
    public string KokoroConfigPath => Path.Combine(layout.KokoroDirectory, "config.json");

    private bool KokoroEnabled => disabledEngines?.Contains(KokoroEngine.EngineId) != true;

    private bool PiperEnabled => disabledEngines?.Contains(PiperEngine.EngineId) != true;

    /// <summary>
    /// Names, sizes and times of the model files that would be opened (empty when none): equal
    /// signatures mean a reload has nothing to do.
    /// </summary>
    public string Signature()
    {
        var files = new List<string>();
        if (KokoroEnabled && KokoroModelPath() is { } kokoro)
        {
            files.Add(kokoro);
        }

        if (PiperEnabled)
        {
            files.AddRange(PiperFiles().SelectMany(p => new[] { p.Model, p.Config }));
        }

        return string.Join('\n', files.Select(f => new FileInfo(f)).Select(f => $"{f.FullName}|{f.Length}|{f.LastWriteTimeUtc.Ticks}"));
    }

    /// <summary>The store scanned.</summary>
    public ModelStoreLayout Layout => layout;

    /// <summary>The Kokoro model file to use, or null when none is installed.</summary>
    public string? KokoroModelPath()
    {
        if (!string.IsNullOrWhiteSpace(kokoroVariant))
        {
            if (!Enum.TryParse<KokoroVariant>(kokoroVariant.Trim(), ignoreCase: true, out var variant) || !Enum.IsDefined(variant))
            {
                throw new ArgumentException($"Orator:KokoroVariant '{kokoroVariant}' is not one of fp32, fp16, int8.");
            }

            var chosen = layout.KokoroModelPath(variant);
            return File.Exists(chosen) ? chosen : null;
        }

        return VariantPreference.Select(layout.KokoroModelPath).FirstOrDefault(File.Exists);
    }

    /// <summary>Piper voices (name, model, config) whose two files are both present.</summary>
    public IReadOnlyList<(string Name, string Model, string Config)> PiperFiles()
    {
        if (!Directory.Exists(layout.PiperDirectory))
        {
            return [];
        }

        return [.. Directory.EnumerateFiles(layout.PiperDirectory, "*.onnx")
            .Select(path => (Name: Path.GetFileNameWithoutExtension(path), Model: path, Config: path + ".json"))
            .Where(v => File.Exists(v.Config))
            .OrderBy(v => v.Name, StringComparer.Ordinal)];
    }

    /// <summary>Opens what is installed. <paramref name="problems"/> gets one line per broken model.</summary>
    public IReadOnlyList<ISpeechEngine> Open(List<(string EngineId, string Problem)> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var engines = new List<ISpeechEngine>();
        if (KokoroEnabled && KokoroModelPath() is { } kokoro)
        {
            try
            {
                engines.Add(OpenKokoro(kokoro));
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                problems.Add((KokoroEngine.EngineId, $"Kokoro model {kokoro} could not be loaded: {ex.Message}"));
            }
        }

        var piper = new List<PiperVoice>();
        foreach (var (name, model, config) in PiperEnabled ? PiperFiles() : [])
        {
            try
            {
                piper.Add(new PiperVoice(name, model, config, intraOpThreads));
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                problems.Add((PiperEngine.EngineId, $"Piper voice {model} could not be loaded: {ex.Message}"));
            }
        }

        if (piper.Count > 0)
        {
            engines.Add(new PiperEngine(piper, phonemizer));
        }

        return engines;
    }

    private KokoroEngine OpenKokoro(string modelPath)
    {
        KokoroVoiceStore voices;
        if (Directory.Exists(KokoroVoicesDirectory) && Directory.EnumerateFiles(KokoroVoicesDirectory, "*.bin").Any())
        {
            voices = KokoroVoiceStore.FromDirectory(KokoroVoicesDirectory);
        }
        else if (File.Exists(layout.KokoroVoicesPath))
        {
            voices = KokoroVoiceStore.FromNpz(layout.KokoroVoicesPath);
        }
        else
        {
            throw new FileNotFoundException($"no voices: expected {layout.KokoroVoicesPath} or {KokoroVoicesDirectory}/*.bin");
        }

        var vocabulary = KokoroVocabulary.Load(KokoroConfigPath);
        var model = new KokoroModel(modelPath, intraOpThreads);
        return new KokoroEngine(model, voices, vocabulary, phonemizer);
    }
}
