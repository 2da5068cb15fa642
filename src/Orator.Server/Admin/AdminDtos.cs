using Orator.Storage.Keys;
using Orator.Storage.Usage;

namespace Orator.Server.Admin;

/// <summary>A key as the admin API shows it (never the secret or its hash).</summary>
internal sealed record AdminKeyView(
    string Id,
    string Object,
    string Name,
    string Redacted,
    IReadOnlyList<string>? Models,
    long? Rpm,
    long? CharsPerMinute,
    long? CharsPerDay,
    long? CharsPerMonth,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset? RevokedAt,
    DateTimeOffset? RotatedAt,
    string Status)
{
    public static AdminKeyView From(ApiKeyRecord key, DateTimeOffset now) => new(
        key.Id, "api_key", key.Name, key.Redacted, key.Models,
        key.Limits.RequestsPerMinute, key.Limits.CharactersPerMinute, key.Limits.CharactersPerDay, key.Limits.CharactersPerMonth,
        key.ExpiresAt, key.CreatedAt, key.RevokedAt, key.RotatedAt,
        key.RevokedAt is not null ? "revoked" : key.ExpiresAt is { } e && now >= e ? "expired" : "active");
}

/// <summary>The list of keys.</summary>
internal sealed record AdminKeyList(string Object, IReadOnlyList<AdminKeyView> Data);

/// <summary>A key with its secret, answered once by create and rotate.</summary>
internal sealed record AdminCreatedKey(AdminKeyView Key, string Secret);

/// <summary>The body of <c>POST /admin/keys</c>.</summary>
internal sealed record AdminCreateKeyRequest(
    string? Name,
    IReadOnlyList<string>? Models,
    long? Rpm,
    long? CharsPerMinute,
    long? CharsPerDay,
    long? CharsPerMonth,
    DateTimeOffset? ExpiresAt);

/// <summary>Usage totals for one group; <c>cache_hits</c> counts requests answered from the render cache.</summary>
internal sealed record AdminUsageRow(string Group, long Requests, long Characters, double AudioSeconds, long Errors, long CacheHits)
{
    public static AdminUsageRow From(UsageSummary s) => new(s.Group, s.Requests, s.Characters, s.AudioSeconds, s.Errors, s.CacheHits);
}

/// <summary>The usage report.</summary>
internal sealed record AdminUsageList(string Object, string By, IReadOnlyList<AdminUsageRow> Data);
