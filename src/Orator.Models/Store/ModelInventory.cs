using Orator.Models.Catalog;

namespace Orator.Models.Store;

/// <summary>What is in a store: complete models, incomplete ones, and resumable partial downloads.</summary>
public sealed class ModelInventory
{
    private readonly ModelStoreLayout _layout;

    /// <summary>Creates an inventory of <paramref name="layout"/>.</summary>
    public ModelInventory(ModelStoreLayout layout) => _layout = layout ?? throw new ArgumentNullException(nameof(layout));

    /// <summary>Every model present, Kokoro variants first, then Piper voices by name.</summary>
    public IReadOnlyList<InstalledModel> List()
    {
        var models = new List<InstalledModel>();
        var voices = _layout.KokoroVoicesPath;
        foreach (var variant in Enum.GetValues<Store.KokoroVariant>())
        {
            var model = _layout.KokoroModelPath(variant);
            if (File.Exists(model))
            {
                models.Add(Entry(ModelCatalog.KokoroName(variant), model, [model, voices], File.Exists(voices) ? null : ModelStoreLayout.KokoroVoicesFile));
            }
        }

        if (Directory.Exists(_layout.PiperDirectory))
        {
            foreach (var model in Directory.EnumerateFiles(_layout.PiperDirectory, "*.onnx").Order(StringComparer.Ordinal))
            {
                var key = Path.GetFileNameWithoutExtension(model);
                var config = _layout.PiperConfigPath(key);
                models.Add(Entry(ModelCatalog.PiperPrefix + key, model, [config, model], File.Exists(config) ? null : key + ".onnx.json"));
            }
        }

        return models;
    }

    /// <summary>Partial downloads (<c>*.part</c>) a later pull would resume, store-relative, with their lengths.</summary>
    public IReadOnlyList<(string RelativePath, long Size)> PartialDownloads()
    {
        if (!Directory.Exists(_layout.Root))
        {
            return [];
        }

        return [.. Directory.EnumerateFiles(_layout.Root, "*" + ModelStoreLayout.PartialSuffix, SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(p => (Relative(p), new FileInfo(p).Length))];
    }

    /// <summary>
    /// Store-relative paths <c>orator models remove &lt;name&gt;</c> deletes, main file first so an
    /// engine scanning the store never sees a model without its dependencies. The Kokoro voice pack
    /// goes only with the last Kokoro variant. Empty when the name is not installed.
    /// </summary>
    public IReadOnlyList<string> FilesToRemove(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (ModelCatalog.KokoroVariantOf(name) is { } variant)
        {
            var model = _layout.KokoroModelPath(variant);
            var others = Enum.GetValues<Store.KokoroVariant>().Where(v => v != variant).Any(v => File.Exists(_layout.KokoroModelPath(v)));
            var paths = new List<string> { Relative(model) };
            if (!others)
            {
                paths.Add(Relative(_layout.KokoroVoicesPath));
            }

            return paths.Any(p => File.Exists(_layout.PathOf(p)) || File.Exists(_layout.PathOf(p) + ModelStoreLayout.PartialSuffix)) ? paths : [];
        }

        if (name.StartsWith(ModelCatalog.PiperPrefix, StringComparison.OrdinalIgnoreCase)
            && PiperVoiceName.TryParse(name[ModelCatalog.PiperPrefix.Length..].Trim(), out var voice))
        {
            string[] paths = [Relative(_layout.PiperModelPath(voice.Key)), Relative(_layout.PiperConfigPath(voice.Key))];
            return paths.Any(p => File.Exists(_layout.PathOf(p)) || File.Exists(_layout.PathOf(p) + ModelStoreLayout.PartialSuffix)) ? paths : [];
        }

        return [];
    }

    private InstalledModel Entry(string name, string main, string[] files, string? missing)
    {
        var present = files.Where(File.Exists).ToArray();
        return new InstalledModel(name, main, [.. present.Select(Relative)], present.Sum(f => new FileInfo(f).Length), missing);
    }

    private string Relative(string path) => Path.GetRelativePath(_layout.Root, path).Replace(Path.DirectorySeparatorChar, '/');
}
