using Microsoft.Extensions.Configuration;
using Orator.Gateway.Configuration;
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

    /// <summary>
    /// When true (the default), <c>GET /v1/models</c>, <c>/v1/models/{id}</c>, <c>/v1/audio/models</c> and
    /// <c>/v1/audio/voices</c> answer without a key even when keys are required (a key that is sent is still
    /// checked); speech and normalize always need one. False: the listings need a key like every other route.
    /// </summary>
    public bool PublicCatalog { get; init; } = true;

    /// <summary>Largest accepted request body in bytes.</summary>
    public int MaxRequestBodyBytes { get; init; } = 64 * 1024;

    /// <summary>
    /// How many speech requests may wait for their first engine worker at once (beyond one per
    /// worker); a request over the limit is refused with 503 at once. See docs/architecture/overload.md.
    /// </summary>
    public int MaxQueuedRequests { get; init; } = 64;

    /// <summary>The admin API's bearer key (also <c>ORATOR_ADMIN_KEY</c>); empty = admin API disabled.</summary>
    public string? AdminKey { get; init; }

    /// <summary>Where stored keys, usage and rate counters live (see docs/architecture/keys-usage-limits.md).</summary>
    public Orator.Storage.StorageOptions Storage { get; init; } = new();

    /// <summary>
    /// Upstream speech APIs by name (<c>Orator:Upstreams:&lt;name&gt;</c>): models they serve are routed
    /// to them, with failover (docs/architecture/upstreams.md). Reloaded on SIGHUP.
    /// </summary>
    public IDictionary<string, UpstreamOptions> Upstreams { get; init; } = new Dictionary<string, UpstreamOptions>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Where the local engines stand among a model's backends: lower is tried first (upstreams default to 10).</summary>
    public int LocalPriority { get; init; } = UpstreamDefaults.LocalPriority;

    /// <summary>
    /// What unknown fields in a speech request body earn: <c>reject</c> (the default: a 400 naming
    /// the field) or <c>ignore</c> (accepted and named in <c>x-orator-ignored-params</c>). Case ignored.
    /// </summary>
    public string UnknownFields { get; init; } = "reject";

    /// <summary><see cref="UnknownFields"/> as a policy, or null when it names none.</summary>
    public UnknownFieldPolicy? ResolvedUnknownFields => UnknownFields?.Trim().ToUpperInvariant() switch
    {
        "REJECT" => UnknownFieldPolicy.Reject,
        "IGNORE" => UnknownFieldPolicy.Ignore,
        _ => null,
    };

    /// <summary>Log output settings.</summary>
    public LoggingOptions Logging { get; init; } = new();

    /// <summary>
    /// Binds the <c>Orator</c> section of <paramref name="configuration"/> once and checks every value
    /// (<see cref="OratorOptionsValidator"/>); the result is the one instance the server uses.
    /// </summary>
    /// <exception cref="OratorConfigurationException">Any value is not of its type or out of its range; all are listed.</exception>
    public static OratorOptions FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var unreadable = OratorOptionsValidator.CheckTypes(configuration);
        if (unreadable.Count > 0)
        {
            // Bind the rest without the unreadable values (their defaults apply), so one start reports every problem.
            configuration = new ConfigurationBuilder()
                .AddInMemoryCollection(configuration.AsEnumerable().Where(kv => kv.Value is not null && !unreadable.ContainsKey(kv.Key)))
                .Build();
        }

        OratorOptions options;
        try
        {
            options = configuration.GetSection(SectionName).Get<OratorOptions>() ?? new OratorOptions();
        }
        catch (InvalidOperationException ex)
        {
            // A value the checks above let through but the binder cannot convert: its message names the key.
            throw new OratorConfigurationException([.. unreadable.Values, ex.InnerException is null ? ex.Message : $"{ex.Message} {ex.InnerException.Message}"]);
        }

        List<string> problems = [.. unreadable.Values, .. OratorOptionsValidator.Validate(options)];
        return problems.Count == 0 ? options : throw new OratorConfigurationException(problems);
    }
}
