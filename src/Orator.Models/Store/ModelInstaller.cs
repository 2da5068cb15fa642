using Orator.Models.Catalog;
using Orator.Models.Download;

namespace Orator.Models.Store;

/// <summary>
/// Pulls models into one store. Files go in dependency order with the file
/// engines look for last, each one atomically; every installed file's sha256 goes into the manifest.
/// </summary>
public sealed class ModelInstaller
{
    private readonly ModelDownloader _downloader;

    /// <summary>Creates an installer for <paramref name="layout"/>.</summary>
    public ModelInstaller(ModelStoreLayout layout, ModelDownloader downloader)
    {
        Layout = layout ?? throw new ArgumentNullException(nameof(layout));
        _downloader = downloader ?? throw new ArgumentNullException(nameof(downloader));
    }

    /// <summary>The store.</summary>
    public ModelStoreLayout Layout { get; }

    /// <summary>
    /// Installs <paramref name="model"/>. <paramref name="sha256Override"/> replaces the expected
    /// sha256 of the main file (and drops the size pinned with the old digest), for mirrors that
    /// serve other bytes. A file already installed and matching is not fetched again unless
    /// <paramref name="force"/>.
    /// </summary>
    /// <exception cref="ModelStoreException">Any download or verification failure; files installed before it stay.</exception>
    public async Task<IReadOnlyList<FileOutcome>> PullAsync(PullableModel model, string? sha256Override, bool force, IProgress<DownloadProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        var manifest = await ModelManifest.LoadAsync(Layout, cancellationToken);
        var outcomes = new List<FileOutcome>();
        foreach (var listed in model.Files)
        {
            var file = listed;
            if (sha256Override is not null && ReferenceEquals(listed, model.MainFile))
            {
                file = listed with { Sha256 = sha256Override.Trim().ToLowerInvariant(), Size = listed.Sha256 is null ? listed.Size : null };
            }

            var target = Layout.PathOf(file.RelativePath);
            var verified = Describe(file, overridden: !ReferenceEquals(file, listed));
            if (!force && await AlreadyInstalledAsync(file, target, manifest, verified, cancellationToken) is { } present)
            {
                outcomes.Add(present);
                progress?.Report(new DownloadProgress(file.FileName, present.Size, present.Size, present.Size, Completed: true));
                continue;
            }

            var result = await _downloader.DownloadAsync(file, target, progress, cancellationToken);
            manifest.Set(file.RelativePath, new ManifestEntry(result.Sha256, result.Size, file.Source.AbsoluteUri, verified, DateTimeOffset.UtcNow));
            await manifest.SaveAsync(cancellationToken);
            outcomes.Add(new FileOutcome(file.RelativePath, true, result.Size, result.Sha256, verified, result.ResumedFrom, result.RestartedFromZero));
        }

        return outcomes;
    }

    private static async Task<FileOutcome?> AlreadyInstalledAsync(ModelFile file, string target, ModelManifest manifest, string verified, CancellationToken cancellationToken)
    {
        if (!File.Exists(target))
        {
            return null;
        }

        var length = new FileInfo(target).Length;
        var entry = manifest.Get(file.RelativePath);
        if (entry is not null && entry.Size == length && (file.Size is null || file.Size == length) && (file.Sha256 is null || file.Sha256 == entry.Sha256))
        {
            return new FileOutcome(file.RelativePath, false, length, entry.Sha256, entry.Verified, 0, false);
        }

        // Put there by hand or by an older pull: hash it once; keep it if it is what is expected.
        var actual = await FileDigests.ComputeAsync(target, withMd5: file.Md5 is not null, cancellationToken);
        var matches = (file.Size is null || file.Size == actual.Length)
            && (file.Sha256 is null || file.Sha256 == actual.Sha256)
            && (file.Md5 is null || file.Md5 == actual.Md5)
            && (entry is null || entry.Sha256 == actual.Sha256);
        if (!matches)
        {
            return null; // replaced atomically by a fresh download
        }

        manifest.Set(file.RelativePath, new ManifestEntry(actual.Sha256, actual.Length, file.Source.AbsoluteUri, verified, DateTimeOffset.UtcNow));
        await manifest.SaveAsync(cancellationToken);
        return new FileOutcome(file.RelativePath, false, actual.Length, actual.Sha256, verified, 0, false);
    }

    private static string Describe(ModelFile file, bool overridden) => (file.Sha256, file.Md5) switch
    {
        (not null, _) when overridden => "sha256 (--sha256)",
        (not null, _) => file.Size is null ? "sha256 (pinned)" : "sha256+size (pinned)",
        (null, not null) => "md5+size (voices.json); sha256 recorded",
        _ => "nothing published: sha256 recorded",
    };
}
