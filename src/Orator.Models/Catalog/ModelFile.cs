namespace Orator.Models.Catalog;

/// <summary>
/// One file of a pullable model: where it goes in the store, where it comes from, and what it
/// must be. Digests that are null are not checked (the installer still records the sha256 it saw).
/// </summary>
/// <param name="RelativePath">Path inside the store root, '/'-separated (<c>kokoro/voices-v1.0.bin</c>).</param>
/// <param name="Source">Download URL.</param>
/// <param name="Size">Expected length in bytes, when published.</param>
/// <param name="Sha256">Expected lower-case hex sha256, when known.</param>
/// <param name="Md5">Expected lower-case hex md5 (Piper's voices.json publishes these), when known.</param>
public sealed record ModelFile(string RelativePath, Uri Source, long? Size, string? Sha256, string? Md5)
{
    /// <summary>The file name alone.</summary>
    public string FileName => RelativePath[(RelativePath.LastIndexOf('/') + 1)..];
}
