using Microsoft.Extensions.Configuration;
using Orator.Gateway.Configuration;
using Orator.Models.Store;
using Orator.Storage;

namespace Orator.Server.Hosting;

/// <summary>
/// What every Orator setting must be, checked once, at startup, before storage is opened or a
/// worker started (<see cref="OratorOptions.FromConfiguration"/>). Each problem names its key and
/// what is accepted, all are collected, and docs/architecture/configuration.md shows the same table.
/// </summary>
public static class OratorOptionsValidator
{
    /// <summary>Smallest pitch or tempo multiplier of a voice mapping.</summary>
    public const double MinimumVoiceFactor = 0.25;

    /// <summary>Largest pitch or tempo multiplier of a voice mapping.</summary>
    public const double MaximumVoiceFactor = 4;

    private const string VoicesKey = OratorOptions.SectionName + ":Voices";

    /// <summary>Every numeric setting with its range.</summary>
    public static IReadOnlyList<NumericSetting> NumericSettings { get; } =
    [
        new("Orator:Workers", 0, 64, o => o.Workers, "0 = one per CPU core"),
        new("Orator:MaxRequestBodyBytes", 1024, 16 * 1024 * 1024, o => o.MaxRequestBodyBytes),
        new("Orator:MaxQueuedRequests", 0, 10_000, o => o.MaxQueuedRequests),
        new("Orator:QueueTimeoutSeconds", 1, 3600, o => o.QueueTimeoutSeconds),
        new("Orator:NeuralThreads", 0, 64, o => o.NeuralThreads, "0 = CPU cores, at most 4"),
        new("Orator:Pauses:SentenceMs", 0, 10_000, o => o.Pauses.SentenceMs),
        new("Orator:Pauses:ClauseMs", 0, 10_000, o => o.Pauses.ClauseMs),
        new("Orator:Pauses:LineMs", 0, 10_000, o => o.Pauses.LineMs),
        new("Orator:Pauses:ParagraphMs", 0, 10_000, o => o.Pauses.ParagraphMs),
        new("Orator:Pauses:ForcedMs", 0, 10_000, o => o.Pauses.ForcedMs),
        new("Orator:LocalPriority", -1000, 1000, o => o.LocalPriority, "lower is tried first"),
        new("Orator:Cache:MemoryMB", 0, 1024 * 1024, o => o.Cache.MemoryMB, "0 = no renders kept in memory"),
        new("Orator:Cache:DiskMB", 1, 64 * 1024 * 1024, o => o.Cache.DiskMB),
        new("Orator:Storage:KeyCacheSeconds", 0, 3600, o => o.Storage.KeyCacheSeconds, "0 = read the key on every request", WholeNumber: false),
        new("Orator:Storage:UsageFlushMilliseconds", 10, 60_000, o => o.Storage.UsageFlushMilliseconds),
        new("Orator:Storage:UsageBatchSize", 1, 10_000, o => o.Storage.UsageBatchSize),
        new("Orator:Storage:UsageQueueCapacity", 1, 1_000_000, o => o.Storage.UsageQueueCapacity),
    ];

    /// <summary>Settings that must read as <c>true</c> or <c>false</c>.</summary>
    public static IReadOnlyList<string> BooleanSettings { get; } = ["Orator:PublicCatalog", "Orator:Logging:Json", "Orator:Logging:IncludeText"];

    /// <summary>
    /// Values in <paramref name="configuration"/> that cannot be bound to their type (<c>--Orator:Workers=abc</c>),
    /// by key, found before binding so that each is reported with its key and range rather than as the binder's first exception.
    /// </summary>
    public static IReadOnlyDictionary<string, string> CheckTypes(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var problems = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        void Check(string key, Func<string, string?> problem)
        {
            // An empty value too: the binder cannot turn it into a number either.
            if (configuration[key] is { } text && problem(text) is { } found)
            {
                problems[key] = found;
            }
        }

        foreach (var setting in NumericSettings)
        {
            Check(setting.Key, setting.TypeProblem);
        }

        foreach (var key in BooleanSettings)
        {
            Check(key, text => bool.TryParse(text, out _) ? null : $"{key} must be true or false (got '{text}').");
        }

        foreach (var upstream in configuration.GetSection(UpstreamSettings.SectionName).GetChildren())
        {
            foreach (var (name, min, max, whole) in UpstreamSettings.NumericSettings)
            {
                var setting = new NumericSetting($"{upstream.Path}:{name}", min, max, _ => 0, WholeNumber: whole);
                Check(setting.Key, setting.TypeProblem);
            }
        }

        foreach (var voice in configuration.GetSection(VoicesKey).GetChildren())
        {
            foreach (var factor in VoiceFactors(voice.Key, 0, 0))
            {
                Check(factor.Key, factor.TypeProblem);
            }
        }

        return problems;
    }

    /// <summary>Every problem with bound <paramref name="options"/>; empty when they can be used.</summary>
    public static IReadOnlyList<string> Validate(OratorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        foreach (var setting in NumericSettings)
        {
            Add(problems, setting.RangeProblem(options));
        }

        if (options.ApiKeys.Any(string.IsNullOrWhiteSpace))
        {
            // An empty key would otherwise stop the server later, with a stack trace (ApiKeyValidator).
            problems.Add("Orator:ApiKeys must not contain an empty or blank key.");
        }

        var storage = options.Storage;
        var provider = storage.ResolvedProvider;
        if (provider is null)
        {
            problems.Add($"{StorageOptions.SectionName}:Provider must be '{StorageOptions.Sqlite}' or '{StorageOptions.Postgres}' (got '{storage.Provider}').");
        }
        else if (provider == StorageOptions.Postgres && string.IsNullOrWhiteSpace(storage.ConnectionString))
        {
            problems.Add($"{StorageOptions.SectionName}:ConnectionString must be set when {StorageOptions.SectionName}:Provider is '{StorageOptions.Postgres}' (an Npgsql connection string).");
        }

        if (!string.IsNullOrWhiteSpace(options.KokoroVariant)
            && !Enum.GetNames<KokoroVariant>().Contains(options.KokoroVariant.Trim(), StringComparer.OrdinalIgnoreCase))
        {
            problems.Add($"Orator:KokoroVariant must be empty (the first installed) or one of {string.Join(", ", Enum.GetNames<KokoroVariant>().Select(n => n.ToLowerInvariant()))} (got '{options.KokoroVariant}').");
        }

        if (options.ResolvedUnknownFields is null)
        {
            problems.Add($"Orator:UnknownFields must be 'reject' or 'ignore' (got '{options.UnknownFields}').");
        }

        foreach (var (name, mapping) in options.Voices.OrderBy(v => v.Key, StringComparer.OrdinalIgnoreCase))
        {
            var voice = mapping.Voice?.Trim() ?? string.Empty;
            var colon = voice.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || colon == voice.Length - 1)
            {
                problems.Add($"{VoicesKey}:{name}:Voice must name an engine voice as engine:voice, e.g. flite:slt (got '{mapping.Voice}').");
            }

            foreach (var factor in VoiceFactors(name, mapping.Pitch, mapping.Rate))
            {
                Add(problems, factor.RangeProblem(options));
            }
        }

        problems.AddRange(UpstreamSettings.Read(options.Upstreams, Environment.GetEnvironmentVariable).Problems);
        return problems;
    }

    private static NumericSetting[] VoiceFactors(string name, float pitch, float rate) =>
    [
        new($"{VoicesKey}:{name}:Pitch", MinimumVoiceFactor, MaximumVoiceFactor, _ => pitch, "1 = the engine voice's own", WholeNumber: false),
        new($"{VoicesKey}:{name}:Rate", MinimumVoiceFactor, MaximumVoiceFactor, _ => rate, "1 = the engine voice's own", WholeNumber: false),
    ];

    private static void Add(List<string> problems, string? problem)
    {
        if (problem is not null)
        {
            problems.Add(problem);
        }
    }
}
