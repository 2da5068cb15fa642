using Orator.Speech.Configuration;

namespace Orator.Server.Hosting;

/// <summary>
/// Server settings, bound from the <c>Orator</c> configuration section: the speech settings
/// (<see cref="SpeechOptions"/>) plus what only the HTTP server has (keys, limits, storage, logging).
/// </summary>
public sealed class OratorOptions : SpeechOptions
{
    /// <summary>The address used when no <c>--urls</c>, <c>ASPNETCORE_URLS</c> or <c>Urls</c> setting is given.</summary>
    public const string DefaultUrl = "http://127.0.0.1:8000";

    /// <summary>Bearer keys accepted on <c>/v1</c>; empty = open server. <c>ORATOR_API_KEYS</c> adds to these.</summary>
    public IList<string> ApiKeys { get; init; } = [];

    /// <summary>Largest accepted request body in bytes.</summary>
    public int MaxRequestBodyBytes { get; init; } = 64 * 1024;

    /// <summary>
    /// How many speech requests may wait for their first engine worker at once (beyond one per
    /// worker); a request over the limit is refused with 503 at once. See docs/architecture/overload.md.
    /// </summary>
    public int MaxQueuedRequests { get; init; } = 64;

    /// <summary>The admin API's bearer key; empty = admin API disabled. <c>ORATOR_ADMIN_KEY</c> is used when this is empty.</summary>
    public string? AdminKey { get; init; }

    /// <summary>Where stored keys, usage and rate counters live (see docs/architecture/keys-usage-limits.md).</summary>
    public Orator.Storage.StorageOptions Storage { get; init; } = new();

    /// <summary>Log output settings.</summary>
    public LoggingOptions Logging { get; init; } = new();
}
