using Microsoft.AspNetCore.Http;

namespace Orator.Server.Usage;

/// <summary>
/// The metered facts of one request, filled in by the endpoint as they become known and
/// recorded by <see cref="UsageMiddleware"/> when the request ends.
/// </summary>
internal sealed class RequestUsage
{
    private static readonly object ItemKey = new();

    /// <summary>When the request arrived.</summary>
    public DateTimeOffset Time { get; init; }

    /// <summary>The caller's key id (see <see cref="Auth.Caller.KeyId"/>).</summary>
    public string? KeyId { get; set; }

    /// <summary>The model asked for.</summary>
    public string? Model { get; set; }

    /// <summary>The engine that spoke.</summary>
    public string? Engine { get; set; }

    /// <summary>The engine voice that spoke.</summary>
    public string? Voice { get; set; }

    /// <summary>The response format.</summary>
    public string? Format { get; set; }

    /// <summary>Characters charged.</summary>
    public long Characters { get; set; }

    /// <summary>Seconds of audio sent.</summary>
    public double AudioSeconds { get; set; }

    /// <summary>Milliseconds to the first audio byte.</summary>
    public double? TimeToFirstByteMs { get; set; }

    /// <summary>The usage of this request, or null when it is not metered (outside /v1).</summary>
    public static RequestUsage? Of(HttpContext context) =>
        context.Items.TryGetValue(ItemKey, out var value) ? value as RequestUsage : null;

    /// <summary>Stores this on the request.</summary>
    public void AttachTo(HttpContext context) => context.Items[ItemKey] = this;
}
