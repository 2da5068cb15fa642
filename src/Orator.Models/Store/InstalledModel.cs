namespace Orator.Models.Store;

/// <summary>A model found in the store.</summary>
/// <param name="Name">Pull name (<c>kokoro-fp16</c>, <c>piper:en_US-libritts_r-medium</c>).</param>
/// <param name="MainPath">Absolute path of the file engines load.</param>
/// <param name="RelativePaths">Store-relative paths of the files present for it.</param>
/// <param name="Size">Their total length.</param>
/// <param name="Missing">What it still lacks to be usable (a voice pack, a config), or null when complete.</param>
public sealed record InstalledModel(string Name, string MainPath, IReadOnlyList<string> RelativePaths, long Size, string? Missing);
