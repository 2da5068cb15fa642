using Microsoft.Extensions.Configuration;
using Orator.Server.Voices;

namespace Orator.Server.Hosting;

/// <summary>Server settings, bound from the <c>Orator</c> configuration section.</summary>
public sealed class OratorOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Orator";

    /// <summary>The address used when no <c>--urls</c>, <c>ASPNETCORE_URLS</c> or <c>Urls</c> setting is given.</summary>
    public const string DefaultUrl = "http://127.0.0.1:8000";

    /// <summary>Bearer keys accepted on <c>/v1</c>; empty = open server. <c>ORATOR_API_KEYS</c> adds to these.</summary>
    public IList<string> ApiKeys { get; init; } = [];

    /// <summary>Engine worker processes; 0 = one per CPU core.</summary>
    public int Workers { get; init; }

    /// <summary>Engines not to load, e.g. <c>espeak</c> where its GPL licence is unwanted.</summary>
    public IList<string> DisabledEngines { get; init; } = [];

    /// <summary>Pauses inserted between the sentences and clauses Orator splits the input into.</summary>
    public PauseOptions Pauses { get; init; } = new();

    /// <summary>Largest accepted request body in bytes.</summary>
    public int MaxRequestBodyBytes { get; init; } = 64 * 1024;

    /// <summary>
    /// How many speech requests may wait for their first engine worker at once (beyond one per
    /// worker); a request over the limit is refused with 503 at once. See docs/architecture/overload.md.
    /// </summary>
    public int MaxQueuedRequests { get; init; } = 64;

    /// <summary>How long, in seconds, a speech request waits for a free worker before it is refused with 503.</summary>
    public int QueueTimeoutSeconds { get; init; } = 30;

    /// <summary>
    /// A pronunciation lexicon file (<c>word = replacement</c> per line, see README) applied to every
    /// request; null or empty = none. A missing or malformed file stops the server at startup.
    /// </summary>
    public string? LexiconPath { get; init; }

    /// <summary>
    /// Root of the neural model store (Kokoro, Piper); also <c>ORATOR_MODELS_PATH</c>. Unset =
    /// <c>$XDG_DATA_HOME/orator/models</c>, else <c>~/.local/share/orator/models</c>.
    /// </summary>
    public string? ModelsPath { get; init; }

    /// <summary>Kokoro variant to load (<c>fp32</c>, <c>fp16</c>, <c>int8</c>); empty = the first installed in that order.</summary>
    public string? KokoroVariant { get; init; }

    /// <summary>ONNX Runtime intra-op threads per neural model; 0 = CPU cores, at most 4.</summary>
    public int NeuralThreads { get; init; }

    /// <summary>The admin API's bearer key (also <c>ORATOR_ADMIN_KEY</c>); empty = admin API disabled.</summary>
    public string? AdminKey { get; init; }

    /// <summary>Where stored keys, usage and rate counters live (see docs/architecture/keys-usage-limits.md).</summary>
    public Orator.Storage.StorageOptions Storage { get; init; } = new();

    /// <summary>Log output settings.</summary>
    public LoggingOptions Logging { get; init; } = new();

    /// <summary>Overrides of the OpenAI voice name table (see README), keyed by voice name.</summary>
    public IDictionary<string, VoiceMapping> Voices { get; init; } = new Dictionary<string, VoiceMapping>(StringComparer.OrdinalIgnoreCase);

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

    /// <summary>The worker count after applying the default.</summary>
    public int EffectiveWorkers => Workers > 0 ? Workers : Environment.ProcessorCount;

    /// <summary>The default voice table with this configuration's overrides applied.</summary>
    public IReadOnlyDictionary<string, VoiceMapping> EffectiveVoiceMap()
    {
        var map = new Dictionary<string, VoiceMapping>(DefaultVoiceMap.Entries, StringComparer.OrdinalIgnoreCase);
        foreach (var (name, mapping) in Voices)
        {
            map[name] = mapping;
        }

        return map;
    }
}
