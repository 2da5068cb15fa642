namespace Orator.Models.Catalog;

/// <summary>
/// A model <c>orator models pull</c> can fetch. <see cref="Files"/> are in install order: the file
/// an engine looks for comes last, so a model only becomes visible once everything it needs is there.
/// </summary>
/// <param name="Name">Pull name (<c>kokoro</c>, <c>kokoro-int8</c>, <c>piper:en_US-libritts_r-medium</c>).</param>
/// <param name="Summary">One line for <c>orator models list</c>.</param>
/// <param name="Files">The files, dependencies first, main file last.</param>
/// <param name="Warnings">What could not be established while resolving (e.g. no voices.json), shown to the user.</param>
public sealed record PullableModel(string Name, string Summary, IReadOnlyList<ModelFile> Files, IReadOnlyList<string> Warnings)
{
    /// <summary>The file engines load (last in install order).</summary>
    public ModelFile MainFile => Files[^1];

    /// <summary>Sum of the published sizes, or null when any is unknown.</summary>
    public long? TotalSize => Files.All(f => f.Size is not null) ? Files.Sum(f => f.Size!.Value) : null;
}
