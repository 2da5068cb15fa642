namespace Orator.Models.Download;

/// <summary>Progress of one file: bytes on disk so far (including a resumed part) of the total, if known.</summary>
/// <param name="FileName">The file being fetched.</param>
/// <param name="Received">Bytes in the partial file now.</param>
/// <param name="Total">Full length when known (Content-Length/Content-Range or the catalog).</param>
/// <param name="ResumedFrom">Bytes that were already there when this transfer began (0 for a fresh one).</param>
/// <param name="Completed">True on the last report of the file.</param>
public readonly record struct DownloadProgress(string FileName, long Received, long? Total, long ResumedFrom, bool Completed);
