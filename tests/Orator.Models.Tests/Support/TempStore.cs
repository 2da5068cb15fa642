using Orator.Models.Store;

namespace Orator.Models.Tests.Support;

/// <summary>A fresh store folder under the temp directory, deleted afterwards.</summary>
public sealed class TempStore : IDisposable
{
    public TempStore() => Layout = new ModelStoreLayout(Directory.CreateTempSubdirectory("orator-models-").FullName);

    public ModelStoreLayout Layout { get; }

    public string Root => Layout.Root;

    /// <summary>Every file under the root, store-relative, sorted.</summary>
    public IReadOnlyList<string> Files() =>
        [.. Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(Root, f).Replace('\\', '/')).Order(StringComparer.Ordinal)];

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
