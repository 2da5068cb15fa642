namespace Orator.Models.Store;

/// <summary>What a pull did with one file.</summary>
/// <param name="RelativePath">Store-relative path.</param>
/// <param name="Downloaded">False when the file was already installed and verified, so nothing was fetched.</param>
/// <param name="Size">Length of the installed file.</param>
/// <param name="Sha256">Its sha256.</param>
/// <param name="Verified">What it was checked against.</param>
/// <param name="ResumedFrom">Bytes reused from an earlier interrupted download.</param>
/// <param name="RestartedFromZero">True when a partial download existed but the server sent the file from the start.</param>
public sealed record FileOutcome(string RelativePath, bool Downloaded, long Size, string Sha256, string Verified, long ResumedFrom, bool RestartedFromZero);
