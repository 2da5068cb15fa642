using Orator.Storage.Keys;

namespace Orator.Server.Auth;

/// <summary>Who made a request: a stored key, a static key, or anyone on an open server.</summary>
/// <param name="KeyId">The stored key id, <see cref="StaticKeyId"/>, or null on an open server.</param>
/// <param name="Key">The stored key's record (models, limits), null for static keys and open servers.</param>
internal sealed record Caller(string? KeyId, ApiKeyRecord? Key)
{
    /// <summary>The usage key id recorded for any <c>ORATOR_API_KEYS</c> key.</summary>
    public const string StaticKeyId = "static";

    /// <summary>Anyone, on an open server.</summary>
    public static Caller Anonymous { get; } = new(null, null);

    /// <summary>A static key: every model, no limits.</summary>
    public static Caller Static { get; } = new(StaticKeyId, null);

    /// <summary>True when the caller may use <paramref name="model"/> (any of its spellings).</summary>
    public bool AllowsModel(params string?[] model) => Key is null || model.Any(m => m is not null && Key.AllowsModel(m));
}
