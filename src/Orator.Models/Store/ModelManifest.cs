using System.Text.Json;
using Orator.Models.Interop;

namespace Orator.Models.Store;

/// <summary>
/// <c>&lt;root&gt;/manifest.json</c>: the sha256 of every file as installed. It is what lets
/// <c>orator models verify</c> check files whose publisher gives no sha256 (Piper) later on, and
/// lets a repeated pull skip files that are already in place. Saved by write-then-rename.
/// </summary>
public sealed class ModelManifest
{
    private readonly string _path;
    private readonly ManifestDocument _document;

    private ModelManifest(string path, ManifestDocument document)
    {
        _path = path;
        _document = document;
    }

    /// <summary>Every recorded file, by store-relative path.</summary>
    public IReadOnlyDictionary<string, ManifestEntry> Files => _document.Files;

    /// <summary>Loads the manifest of <paramref name="layout"/>; empty when there is none (or it is unreadable, which only costs re-hashing).</summary>
    public static async Task<ModelManifest> LoadAsync(ModelStoreLayout layout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(layout);
        var document = new ManifestDocument();
        if (File.Exists(layout.ManifestPath))
        {
            try
            {
                await using var stream = File.OpenRead(layout.ManifestPath);
                document = await JsonSerializer.DeserializeAsync(stream, ManifestJsonContext.Default.ManifestDocument, cancellationToken) ?? document;
                document.Files = new Dictionary<string, ManifestEntry>(document.Files, StringComparer.Ordinal);
            }
            catch (JsonException)
            {
                document = new ManifestDocument();
            }
        }

        return new ModelManifest(layout.ManifestPath, document);
    }

    /// <summary>The entry of a store-relative path, or null.</summary>
    public ManifestEntry? Get(string relativePath) => _document.Files.GetValueOrDefault(relativePath);

    /// <summary>Records a file.</summary>
    public void Set(string relativePath, ManifestEntry entry) => _document.Files[relativePath] = entry;

    /// <summary>Forgets a file.</summary>
    public bool Remove(string relativePath) => _document.Files.Remove(relativePath);

    /// <summary>Writes the manifest atomically (temporary file, fsync, rename).</summary>
    public async Task SaveAsync(CancellationToken cancellationToken)
    {
        var folder = Path.GetDirectoryName(_path)!;
        Directory.CreateDirectory(folder);
        var temporary = _path + ".tmp";
        await using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            await JsonSerializer.SerializeAsync(stream, _document, ManifestJsonContext.Default.ManifestDocument, cancellationToken);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temporary, _path, overwrite: true);
        _ = NativeMethods.SyncDirectory(folder);
    }
}
