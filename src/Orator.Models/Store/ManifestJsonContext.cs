using System.Text.Json.Serialization;

namespace Orator.Models.Store;

/// <summary>Source-generated JSON for the manifest (no reflection, stable camelCase names).</summary>
[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(ManifestDocument))]
internal sealed partial class ManifestJsonContext : JsonSerializerContext;
