using System.Net;
using System.Text.Json;
using Orator.Models.Store;

namespace Orator.Models.Catalog;

/// <summary>
/// The models <c>orator models pull</c> knows: the three Kokoro v1.0 precisions (each with the
/// shared voice pack) and any Piper voice of rhasspy/piper-voices (<c>piper:&lt;voice-key&gt;</c>).
/// </summary>
public sealed class ModelCatalog
{
    /// <summary>Prefix of Piper pull names.</summary>
    public const string PiperPrefix = "piper:";

    // Sizes and sha256 of the "model-files-v1.0" release assets. The release page does not list
    // digests; these are the values several independent projects recorded from their own downloads
    // of these exact URLs (and agree on). A mirror serving other bytes needs --sha256.
    private static readonly ModelFile[] KokoroFiles =
    [
        Kokoro(ModelStoreLayout.KokoroModelFile(KokoroVariant.Fp32), 325_532_387, "7d5df8ecf7d4b1878015a32686053fd0eebe2bc377234608764cc0ef3636a6c5"),
        Kokoro(ModelStoreLayout.KokoroModelFile(KokoroVariant.Fp16), 177_464_787, "c1610a859f3bdea01107e73e50100685af38fff88f5cd8e5c56df109ec880204"),
        Kokoro(ModelStoreLayout.KokoroModelFile(KokoroVariant.Int8), 92_361_271, "6e742170d309016e5891a994e1ce1559c702a2ccd0075e67ef7157974f6406cb"),
        Kokoro(ModelStoreLayout.KokoroVoicesFile, 28_214_398, "bca610b8308e8d99f32e6fe4197e7ec01679264efed0cac9140fe9c29f1fbf7d"),
    ];

    private readonly HttpClient _http;

    /// <summary>Creates a catalog resolving names against <paramref name="sources"/>.</summary>
    public ModelCatalog(ModelSources sources, HttpClient http)
    {
        Sources = sources ?? throw new ArgumentNullException(nameof(sources));
        _http = http ?? throw new ArgumentNullException(nameof(http));
    }

    /// <summary>Where files are downloaded from.</summary>
    public ModelSources Sources { get; }

    /// <summary>Pull names of the Kokoro variants, in listing order.</summary>
    public static IReadOnlyList<string> KokoroNames { get; } = ["kokoro", "kokoro-fp16", "kokoro-int8"];

    /// <summary>The Kokoro variant a pull name means, or null.</summary>
    public static KokoroVariant? KokoroVariantOf(string name) => name.Trim().ToLowerInvariant() switch
    {
        "kokoro" or "kokoro-fp32" => KokoroVariant.Fp32,
        "kokoro-fp16" => KokoroVariant.Fp16,
        "kokoro-int8" => KokoroVariant.Int8,
        _ => null,
    };

    /// <summary>The pull name of a Kokoro variant.</summary>
    public static string KokoroName(KokoroVariant variant) => KokoroNames[(int)variant];

    /// <summary>A Kokoro variant from these sources: the voice pack first, then the network.</summary>
    public PullableModel Kokoro(KokoroVariant variant) => Kokoro(Sources, variant);

    /// <summary>A Kokoro variant from <paramref name="sources"/> (no network needed to describe it).</summary>
    public static PullableModel Kokoro(ModelSources sources, KokoroVariant variant)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var model = KokoroFiles[(int)variant];
        var voices = KokoroFiles[^1];
        var summary = variant switch
        {
            KokoroVariant.Fp32 => "Kokoro-82M v1.0, full precision (54 voices, 24 kHz)",
            KokoroVariant.Fp16 => "Kokoro-82M v1.0, half precision",
            _ => "Kokoro-82M v1.0, int8 quantised (smallest; slower on some CPUs)",
        };
        return new PullableModel(KokoroName(variant), summary, [At(voices, sources.KokoroBase), At(model, sources.KokoroBase)], []);
    }

    /// <summary>
    /// Resolves a pull name. Piper voices are looked up in the repository's voices.json (for the
    /// published sizes and md5); when it cannot be fetched the voice is still pulled from the path its
    /// key implies, with a warning that only the recorded sha256 will protect it from then on.
    /// </summary>
    /// <exception cref="ModelStoreException">Unknown name, or a voice voices.json does not list.</exception>
    public async Task<PullableModel> ResolveAsync(string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (KokoroVariantOf(name) is { } variant)
        {
            return Kokoro(variant);
        }

        if (!name.StartsWith(PiperPrefix, StringComparison.OrdinalIgnoreCase))
        {
            throw new ModelStoreException(ModelStoreError.UnknownModel,
                $"Unknown model '{name}'. Pullable: {string.Join(", ", KokoroNames)}, or piper:<voice> (e.g. piper:en_US-libritts_r-medium).");
        }

        var key = name[PiperPrefix.Length..].Trim();
        if (!PiperVoiceName.TryParse(key, out var voice))
        {
            throw new ModelStoreException(ModelStoreError.UnknownModel,
                $"'{key}' is not a Piper voice key; expected language_REGION-name-quality, e.g. en_US-libritts_r-medium (quality x_low, low, medium or high).");
        }

        var (index, problem) = await LoadPiperIndexAsync(cancellationToken);
        var configPath = $"{ModelStoreLayout.PiperFolder}/{voice.Key}.onnx.json";
        var modelPath = $"{ModelStoreLayout.PiperFolder}/{voice.Key}.onnx";
        if (index is null)
        {
            var folder = voice.RepositoryFolder + "/" + voice.Key;
            return new PullableModel(PiperPrefix + voice.Key, $"Piper voice {voice.Key}",
            [
                new ModelFile(configPath, new Uri(Sources.PiperBase, folder + ".onnx.json"), null, null, null),
                new ModelFile(modelPath, new Uri(Sources.PiperBase, folder + ".onnx"), null, null, null),
            ],
            [$"voices.json could not be read ({problem}): size and md5 are not checked for this pull; the sha256 seen now is recorded and checked by 'orator models verify'."]);
        }

        var files = index.FilesOf(voice.Key)
            ?? throw new ModelStoreException(ModelStoreError.UnknownModel,
                $"Piper voice '{voice.Key}' is not listed in {new Uri(Sources.PiperBase, "voices.json")} ({index.Count} voices are).");
        var config = files.FirstOrDefault(f => f.RepositoryPath.EndsWith("/" + voice.Key + ".onnx.json", StringComparison.Ordinal));
        var model = files.FirstOrDefault(f => f.RepositoryPath.EndsWith("/" + voice.Key + ".onnx", StringComparison.Ordinal));
        if (config is null || model is null || !IsPlainRelative(config.RepositoryPath) || !IsPlainRelative(model.RepositoryPath))
        {
            throw new ModelStoreException(ModelStoreError.UnknownModel, $"voices.json lists '{voice.Key}' without a usable .onnx and .onnx.json pair.");
        }

        return new PullableModel(PiperPrefix + voice.Key, $"Piper voice {voice.Key}",
        [
            new ModelFile(configPath, new Uri(Sources.PiperBase, config.RepositoryPath), config.Size, null, config.Md5),
            new ModelFile(modelPath, new Uri(Sources.PiperBase, model.RepositoryPath), model.Size, null, model.Md5),
        ], []);
    }

    private async Task<(PiperVoiceIndex? Index, string? Problem)> LoadPiperIndexAsync(CancellationToken cancellationToken)
    {
        var url = new Uri(Sources.PiperBase, "voices.json");
        try
        {
            using var response = await _http.GetAsync(url, HttpCompletionOption.ResponseContentRead, cancellationToken);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                return (null, $"HTTP {(int)response.StatusCode} from {url}");
            }

            return (PiperVoiceIndex.Parse(await response.Content.ReadAsStringAsync(cancellationToken)), null);
        }
        catch (HttpRequestException ex)
        {
            return (null, $"{url}: {ex.Message}");
        }
        catch (JsonException ex)
        {
            return (null, $"{url} is not valid voices.json: {ex.Message}");
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, $"{url}: timed out ({ex.Message})");
        }
    }

    private static bool IsPlainRelative(string path) =>
        !path.StartsWith('/') && !path.Contains("..", StringComparison.Ordinal) && !path.Contains(':', StringComparison.Ordinal) && !path.Contains('\\', StringComparison.Ordinal);

    private static ModelFile Kokoro(string file, long size, string sha256) =>
        new($"{ModelStoreLayout.KokoroFolder}/{file}", new Uri(file, UriKind.Relative), size, sha256, null);

    private static ModelFile At(ModelFile file, Uri baseUri) => file with { Source = new Uri(baseUri, file.FileName) };
}
