namespace Orator.Storage.Keys;

/// <summary>A stored API key: everything but the secret, which is kept only as a salted hash.</summary>
/// <param name="Id">The public key id, embedded in the key after <see cref="ApiKeySecret.Prefix"/>.</param>
/// <param name="Name">The operator's label.</param>
/// <param name="Salt">Per-key random salt.</param>
/// <param name="Hash">HMAC-SHA256 of the secret part, keyed with <paramref name="Salt"/>.</param>
/// <param name="Models">Models the key may use; null = all.</param>
/// <param name="Limits">Rate limits and quotas.</param>
/// <param name="ExpiresAt">When the key stops working; null = never.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="RevokedAt">When it was revoked; null = active.</param>
/// <param name="RotatedAt">When its secret was last replaced.</param>
public sealed record ApiKeyRecord(
    string Id,
    string Name,
    byte[] Salt,
    byte[] Hash,
    IReadOnlyList<string>? Models,
    KeyLimits Limits,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset? RevokedAt,
    DateTimeOffset? RotatedAt)
{
    /// <summary>True when the key may authenticate at <paramref name="now"/>.</summary>
    public bool IsActiveAt(DateTimeOffset now) => RevokedAt is null && (ExpiresAt is null || now < ExpiresAt);

    /// <summary>True when the key may use <paramref name="model"/> (case-insensitive).</summary>
    public bool AllowsModel(string model) =>
        Models is null || Models.Any(m => string.Equals(m, model, StringComparison.OrdinalIgnoreCase));

    /// <summary>A display form of the key that cannot be used to authenticate.</summary>
    public string Redacted => ApiKeySecret.Prefix + Id + "_...";
}
