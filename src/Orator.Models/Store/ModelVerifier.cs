using Orator.Models.Download;

namespace Orator.Models.Store;

/// <summary>
/// Re-hashes installed files against the sha256 the manifest recorded at install: the check that
/// protects files whose publisher gives no sha256 (Piper) after their first download.
/// </summary>
public sealed class ModelVerifier
{
    /// <summary>Creates a verifier of <paramref name="layout"/>.</summary>
    public ModelVerifier(ModelStoreLayout layout) => Layout = layout ?? throw new ArgumentNullException(nameof(layout));

    /// <summary>The store.</summary>
    public ModelStoreLayout Layout { get; }

    /// <summary>Re-hashes installed files against the manifest; one line per file.</summary>
    public async Task<IReadOnlyList<VerifyOutcome>> VerifyAsync(IEnumerable<string> relativePaths, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(relativePaths);
        var manifest = await ModelManifest.LoadAsync(Layout, cancellationToken);
        var results = new List<VerifyOutcome>();
        foreach (var relative in relativePaths)
        {
            var path = Layout.PathOf(relative);
            var entry = manifest.Get(relative);
            if (!File.Exists(path))
            {
                results.Add(new VerifyOutcome(relative, false, "missing"));
                continue;
            }

            var actual = await FileDigests.ComputeAsync(path, withMd5: false, cancellationToken);
            results.Add(entry is null
                ? new VerifyOutcome(relative, false, $"not installed by 'orator models pull' (no recorded sha256); sha256 now {actual.Sha256}")
                : actual.Sha256 == entry.Sha256 && actual.Length == entry.Size
                    ? new VerifyOutcome(relative, true, $"sha256 {actual.Sha256} as installed ({entry.Verified})")
                    : new VerifyOutcome(relative, false, $"changed since it was installed: sha256 {actual.Sha256} ({actual.Length:N0} bytes), recorded {entry.Sha256} ({entry.Size:N0} bytes)"));
        }

        return results;
    }
}
