namespace Orator.Engines.Neural;

/// <summary>
/// Where neural model files live under the model store root. The downloader and the engines both
/// follow this layout, so a pulled model is found by the next startup or reload.
/// </summary>
/// <param name="Root">The store root directory.</param>
public sealed record ModelStoreLayout(string Root)
{
    /// <summary>Environment variable naming the store root when configuration does not.</summary>
    public const string EnvironmentVariable = "ORATOR_MODELS_PATH";

    /// <summary>The Kokoro model variants, in the order the server prefers them.</summary>
    public static IReadOnlyList<string> KokoroVariants { get; } = ["fp32", "fp16", "int8"];

    /// <summary>Folder of the Kokoro files.</summary>
    public string KokoroDirectory => Path.Combine(Root, "kokoro");

    /// <summary>Folder of the Piper voices (<c>name.onnx</c> + <c>name.onnx.json</c>).</summary>
    public string PiperDirectory => Path.Combine(Root, "piper");

    /// <summary>The packed Kokoro voices (numpy .npz of <c>voice.npy</c> float32 [510,1,256]).</summary>
    public string KokoroVoicesArchive => Path.Combine(KokoroDirectory, "voices-v1.0.bin");

    /// <summary>Folder of raw Kokoro voice files (<c>voice.bin</c>, 510x256 little-endian float32).</summary>
    public string KokoroVoicesDirectory => Path.Combine(KokoroDirectory, "voices");

    /// <summary>Kokoro's config.json with the phoneme vocabulary (optional: an embedded copy is used otherwise).</summary>
    public string KokoroConfig => Path.Combine(KokoroDirectory, "config.json");

    /// <summary>The model file of a Kokoro variant (<c>fp32</c>, <c>fp16</c>, <c>int8</c>).</summary>
    public string KokoroModel(string variant) => variant switch
    {
        "fp32" => Path.Combine(KokoroDirectory, "kokoro-v1.0.onnx"),
        "fp16" => Path.Combine(KokoroDirectory, "kokoro-v1.0.fp16.onnx"),
        "int8" => Path.Combine(KokoroDirectory, "kokoro-v1.0.int8.onnx"),
        _ => throw new ArgumentException($"Unknown Kokoro variant '{variant}'; expected fp32, fp16 or int8.", nameof(variant)),
    };

    /// <summary>The model file of the Piper voice <paramref name="voice"/>.</summary>
    public string PiperModel(string voice) => Path.Combine(PiperDirectory, voice + ".onnx");

    /// <summary>The config of the Piper voice <paramref name="voice"/>.</summary>
    public string PiperConfig(string voice) => PiperModel(voice) + ".json";

    /// <summary>
    /// The root from configuration (<paramref name="configured"/>), else <c>ORATOR_MODELS_PATH</c>,
    /// else <c>$XDG_DATA_HOME/orator/models</c>, else <c>~/.local/share/orator/models</c>.
    /// </summary>
    public static ModelStoreLayout Resolve(string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return new ModelStoreLayout(Path.GetFullPath(configured));
        }

        var fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return new ModelStoreLayout(Path.GetFullPath(fromEnvironment));
        }

        var dataHome = Environment.GetEnvironmentVariable("XDG_DATA_HOME");
        if (string.IsNullOrWhiteSpace(dataHome))
        {
            dataHome = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share");
        }

        return new ModelStoreLayout(Path.Combine(dataHome, "orator", "models"));
    }
}
