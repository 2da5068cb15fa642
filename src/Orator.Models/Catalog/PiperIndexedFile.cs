namespace Orator.Models.Catalog;

/// <summary>One file entry of Piper's voices.json.</summary>
/// <param name="RepositoryPath">Path in the repository (<c>en/en_US/libritts_r/medium/en_US-libritts_r-medium.onnx</c>).</param>
/// <param name="Size">Published size in bytes.</param>
/// <param name="Md5">Published md5, lower-case hex.</param>
public sealed record PiperIndexedFile(string RepositoryPath, long? Size, string? Md5);
