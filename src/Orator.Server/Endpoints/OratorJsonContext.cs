using System.Text.Json.Serialization;

namespace Orator.Server.Endpoints;

/// <summary>Source-generated JSON for every response body the endpoints write.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(HealthStatus))]
[JsonSerializable(typeof(ReadyStatus))]
[JsonSerializable(typeof(ModelList))]
[JsonSerializable(typeof(ModelEntry))]
[JsonSerializable(typeof(AudioModelList))]
[JsonSerializable(typeof(VoiceList))]
[JsonSerializable(typeof(NormalizeResult))]
[JsonSerializable(typeof(Admin.AdminKeyList))]
[JsonSerializable(typeof(Admin.AdminKeyView))]
[JsonSerializable(typeof(Admin.AdminCreatedKey))]
[JsonSerializable(typeof(Admin.AdminCreateKeyRequest))]
[JsonSerializable(typeof(Admin.AdminUsageList))]
internal sealed partial class OratorJsonContext : JsonSerializerContext;
