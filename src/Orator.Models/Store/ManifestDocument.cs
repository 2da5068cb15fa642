namespace Orator.Models.Store;

/// <summary>The manifest file's JSON shape: store-relative path to entry.</summary>
internal sealed class ManifestDocument
{
    public int Version { get; set; } = 1;

    public Dictionary<string, ManifestEntry> Files { get; set; } = new(StringComparer.Ordinal);
}
