namespace Orator.Speech.Caching;

/// <summary>What a cache lookup found: an entry to replay, or a lease to render under (or neither: caching is off).</summary>
public readonly record struct CacheLookup(CachedRender? Entry, RenderLease? Lease)
{
    /// <summary>Caching is off: render as usual.</summary>
    public static CacheLookup Uncached => default;

    /// <summary>True when <see cref="Entry"/> answers the request.</summary>
    public bool IsHit => Entry is not null;

    internal static CacheLookup Hit(CachedRender entry) => new(entry, null);

    internal static CacheLookup Miss(RenderLease lease) => new(null, lease);
}
