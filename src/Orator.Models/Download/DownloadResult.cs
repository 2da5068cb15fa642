namespace Orator.Models.Download;

/// <summary>What a finished download produced.</summary>
/// <param name="Path">The installed file.</param>
/// <param name="Size">Its length.</param>
/// <param name="Sha256">Its sha256, lower-case hex.</param>
/// <param name="ResumedFrom">Bytes reused from an earlier partial file (0 when none or when the server ignored Range).</param>
/// <param name="RestartedFromZero">True when a partial file existed but the server sent the whole file again.</param>
public sealed record DownloadResult(string Path, long Size, string Sha256, long ResumedFrom, bool RestartedFromZero);
