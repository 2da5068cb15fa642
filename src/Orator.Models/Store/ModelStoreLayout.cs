namespace Orator.Models.Store;

/// <summary>
/// Where model files live: the one contract shared by the downloader (which writes them) and the
/// neural engines (which read them). <c>&lt;root&gt;/kokoro/kokoro-v1.0[.fp16|.int8].onnx</c> with
/// <c>&lt;root&gt;/kokoro/voices-v1.0.bin</c>, and <c>&lt;root&gt;/piper/&lt;voice&gt;.onnx</c> with its
/// <c>.onnx.json</c>.
/// </summary>
public sealed class ModelStoreLayout
{
    /// <summary>Configuration key of the root (<c>Orator:ModelsPath</c>; <c>ORATOR_MODELS_PATH</c> sets it too).</summary>
    public const string ConfigurationKey = "Orator:ModelsPath";

    /// <summary>Sub-folder of the Kokoro files.</summary>
    public const string KokoroFolder = "kokoro";

    /// <summary>Sub-folder of the Piper voices.</summary>
    public const string PiperFolder = "piper";

    /// <summary>The Kokoro voice pack (an uncompressed numpy .npz), shared by all three variants.</summary>
    public const string KokoroVoicesFile = "voices-v1.0.bin";

    /// <summary>Suffix a download carries until it is verified and renamed into place.</summary>
    public const string PartialSuffix = ".part";

    /// <summary>Name of the file that records what was installed and its sha256.</summary>
    public const string ManifestFile = "manifest.json";

    /// <summary>Creates the layout over <paramref name="root"/> (made absolute).</summary>
    public ModelStoreLayout(string root)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        Root = Path.GetFullPath(root);
    }

    /// <summary>The absolute root folder.</summary>
    public string Root { get; }

    /// <summary>The folder of the Kokoro files.</summary>
    public string KokoroDirectory => Path.Combine(Root, KokoroFolder);

    /// <summary>The folder of the Piper voices.</summary>
    public string PiperDirectory => Path.Combine(Root, PiperFolder);

    /// <summary>The manifest of installed files and their digests.</summary>
    public string ManifestPath => Path.Combine(Root, ManifestFile);

    /// <summary>The Kokoro voice pack.</summary>
    public string KokoroVoicesPath => Path.Combine(KokoroDirectory, KokoroVoicesFile);

    /// <summary>File name of a Kokoro variant.</summary>
    public static string KokoroModelFile(KokoroVariant variant) => variant switch
    {
        KokoroVariant.Fp32 => "kokoro-v1.0.onnx",
        KokoroVariant.Fp16 => "kokoro-v1.0.fp16.onnx",
        KokoroVariant.Int8 => "kokoro-v1.0.int8.onnx",
        _ => throw new ArgumentOutOfRangeException(nameof(variant), variant, "Unknown Kokoro variant."),
    };

    /// <summary>The network file of a Kokoro variant.</summary>
    public string KokoroModelPath(KokoroVariant variant) => Path.Combine(KokoroDirectory, KokoroModelFile(variant));

    /// <summary>The network file of a Piper voice (<c>en_US-libritts_r-medium</c>).</summary>
    public string PiperModelPath(string voice) => Path.Combine(PiperDirectory, voice + ".onnx");

    /// <summary>The configuration of a Piper voice.</summary>
    public string PiperConfigPath(string voice) => Path.Combine(PiperDirectory, voice + ".onnx.json");

    /// <summary>Absolute path of a store-relative path written with '/' separators.</summary>
    public string PathOf(string relativePath) => Path.Combine(Root, relativePath.Replace('/', Path.DirectorySeparatorChar));

    /// <summary>
    /// The root to use: <paramref name="configuredRoot"/> (<c>Orator:ModelsPath</c>, already layered from
    /// files, environment and command line) when set, else <c>$XDG_DATA_HOME/orator/models</c>, else
    /// <c>~/.local/share/orator/models</c>. <paramref name="environment"/> supplies <c>XDG_DATA_HOME</c> and <c>HOME</c>.
    /// </summary>
    public static ModelStoreLayout Resolve(string? configuredRoot, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var root = string.IsNullOrWhiteSpace(configuredRoot) ? null : configuredRoot;
        if (root is null)
        {
            var dataHome = environment("XDG_DATA_HOME");
            // The XDG spec says a relative XDG_DATA_HOME is invalid and must be ignored.
            root = !string.IsNullOrWhiteSpace(dataHome) && Path.IsPathRooted(dataHome)
                ? Path.Combine(dataHome, "orator", "models")
                : Path.Combine(HomeDirectory(environment), ".local", "share", "orator", "models");
        }

        return new ModelStoreLayout(ExpandHome(root, environment));
    }

    private static string? FirstSet(params string?[] values) => values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));

    private static string HomeDirectory(Func<string, string?> environment) =>
        FirstSet(environment("HOME"), Environment.GetFolderPath(Environment.SpecialFolder.UserProfile)) ?? "/";

    private static string ExpandHome(string path, Func<string, string?> environment) =>
        path == "~" || path.StartsWith("~/", StringComparison.Ordinal)
            ? Path.Combine(HomeDirectory(environment), path.Length > 2 ? path[2..] : string.Empty)
            : path;
}
