namespace Orator.Models.Store;

/// <summary>Deletes installed files (and their partial downloads) and forgets them in the manifest.</summary>
public sealed class ModelRemover
{
    /// <summary>Creates a remover for <paramref name="layout"/>.</summary>
    public ModelRemover(ModelStoreLayout layout) => Layout = layout ?? throw new ArgumentNullException(nameof(layout));

    /// <summary>The store.</summary>
    public ModelStoreLayout Layout { get; }

    /// <summary>
    /// Deletes store-relative paths (and any partial downloads of them) in the given order, and
    /// forgets them in the manifest. Returns the paths that existed.
    /// </summary>
    public async Task<IReadOnlyList<string>> RemoveAsync(IEnumerable<string> relativePaths, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(relativePaths);
        var manifest = await ModelManifest.LoadAsync(Layout, cancellationToken);
        var removed = new List<string>();
        foreach (var relative in relativePaths)
        {
            var path = Layout.PathOf(relative);
            if (File.Exists(path))
            {
                File.Delete(path);
                removed.Add(relative);
            }

            var part = path + ModelStoreLayout.PartialSuffix;
            if (File.Exists(part))
            {
                File.Delete(part);
                removed.Add(relative + ModelStoreLayout.PartialSuffix);
            }

            manifest.Remove(relative);
        }

        await manifest.SaveAsync(cancellationToken);
        return removed;
    }
}
