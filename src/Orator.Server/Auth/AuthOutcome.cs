namespace Orator.Server.Auth;

/// <summary>Why a presented key was refused, or the caller it proved.</summary>
/// <param name="Caller">The caller; null when refused.</param>
/// <param name="Reason">The refusal's wording for the 401, when refused.</param>
/// <param name="ProvenKeyId">The key id when the secret was right but the key is revoked or expired (usage is charged to it).</param>
internal sealed record AuthOutcome(Caller? Caller, AuthRefusal Reason, string? ProvenKeyId = null);

/// <summary>The kinds of 401.</summary>
internal enum AuthRefusal
{
    /// <summary>Accepted.</summary>
    None,

    /// <summary>No such key, or a wrong secret.</summary>
    Unknown,

    /// <summary>The key (secret proven) was revoked.</summary>
    Revoked,

    /// <summary>The key (secret proven) has expired.</summary>
    Expired,
}
