using System.Text.Json.Serialization;

namespace Orator.Engines.Workers;

/// <summary>What a worker process found: each engine, and either its voices or why it is missing.</summary>
internal sealed record WorkerCatalog(IReadOnlyList<WorkerEngineInfo> Engines);

/// <summary>One engine as a worker sees it.</summary>
internal sealed record WorkerEngineInfo(string Id, string? Problem, IReadOnlyList<WorkerVoiceInfo> Voices);

/// <summary>One voice, flattened for JSON.</summary>
internal sealed record WorkerVoiceInfo(
    string NativeName,
    string Language,
    string Gender,
    int SampleRate,
    float RateMin,
    float RateMax,
    string DisplayName);

/// <summary>Source-generated JSON for the catalog (no reflection at run time).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(WorkerCatalog))]
internal sealed partial class WorkerCatalogJsonContext : JsonSerializerContext;
