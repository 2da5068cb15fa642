namespace Orator.Storage.Keys;

/// <summary>A key just created or rotated: the only moment its secret exists outside the caller.</summary>
/// <param name="Record">The stored record.</param>
/// <param name="Secret">The full key to hand to the user (<c>sk-orator-...</c>); not stored anywhere.</param>
public sealed record CreatedKey(ApiKeyRecord Record, string Secret)
{
    /// <summary>Never prints the secret (records print their members by default).</summary>
    public override string ToString() => Record.Redacted;
}
