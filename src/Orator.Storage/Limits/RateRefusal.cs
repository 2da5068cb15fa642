namespace Orator.Storage.Limits;

/// <summary>Why a reservation was refused.</summary>
public enum RateRefusal
{
    /// <summary>Not refused.</summary>
    None,

    /// <summary>A per-minute rate (requests or characters) is used up; it frees at the next minute.</summary>
    RateLimit,

    /// <summary>A daily or monthly character quota is used up.</summary>
    Quota,
}
