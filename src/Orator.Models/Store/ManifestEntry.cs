namespace Orator.Models.Store;

/// <summary>What the manifest remembers about one installed file.</summary>
/// <param name="Sha256">sha256 computed when it was installed.</param>
/// <param name="Size">Its length then.</param>
/// <param name="Source">Where it came from.</param>
/// <param name="Verified">What the download was checked against (<c>sha256 (pinned)</c>, <c>md5+size (voices.json)</c>, <c>nothing published: sha256 recorded</c>...).</param>
/// <param name="InstalledAt">When it was installed.</param>
public sealed record ManifestEntry(string Sha256, long Size, string Source, string Verified, DateTimeOffset InstalledAt);
