namespace Orator.Storage.Keys;

/// <summary>Stored API keys (the seam between the server/CLI and the database).</summary>
public interface IKeyStore
{
    /// <summary>Creates a key and returns it with its secret, which is not stored.</summary>
    Task<CreatedKey> CreateAsync(NewKey key, CancellationToken cancellationToken);

    /// <summary>The key with this public id, revoked or not; null when there is none.</summary>
    Task<ApiKeyRecord?> FindAsync(string id, CancellationToken cancellationToken);

    /// <summary>All keys, oldest first.</summary>
    Task<IReadOnlyList<ApiKeyRecord>> ListAsync(CancellationToken cancellationToken);

    /// <summary>How many keys exist (revoked included).</summary>
    Task<long> CountAsync(CancellationToken cancellationToken);

    /// <summary>Revokes a key; false when there is no such key or it was already revoked.</summary>
    Task<bool> RevokeAsync(string id, CancellationToken cancellationToken);

    /// <summary>Gives an active key a new secret (same id, limits and usage); the old secret stops working. Null when there is no such active key.</summary>
    Task<CreatedKey?> RotateAsync(string id, CancellationToken cancellationToken);
}
