namespace Orator.Models.Store;

/// <summary>Result of re-hashing one installed file.</summary>
/// <param name="RelativePath">Store-relative path.</param>
/// <param name="Ok">True when it still has the sha256 recorded at install.</param>
/// <param name="Detail">What was found.</param>
public sealed record VerifyOutcome(string RelativePath, bool Ok, string Detail);
