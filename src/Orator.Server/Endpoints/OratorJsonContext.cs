using System.Text.Json.Serialization;

namespace Orator.Server.Endpoints;

/// <summary>Source-generated JSON for every response body the endpoints write.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(HealthStatus))]
[JsonSerializable(typeof(ReadyStatus))]
[JsonSerializable(typeof(ModelList))]
[JsonSerializable(typeof(ModelEntry))]
[JsonSerializable(typeof(VoiceList))]
[JsonSerializable(typeof(NormalizeResult))]
internal sealed partial class OratorJsonContext : JsonSerializerContext;
