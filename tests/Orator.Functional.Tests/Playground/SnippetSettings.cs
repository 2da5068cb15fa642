using System.Text.Json.Serialization;

namespace Orator.Functional.Tests.Playground;

/// <summary>The playground's settings, as snippets.js takes them.</summary>
internal sealed record SnippetSettings(
    [property: JsonPropertyName("baseUrl")] string BaseUrl,
    [property: JsonPropertyName("model")] string Model,
    [property: JsonPropertyName("voice")] string Voice,
    [property: JsonPropertyName("input")] string Input,
    [property: JsonPropertyName("instructions")] string Instructions,
    [property: JsonPropertyName("format")] string Format,
    [property: JsonPropertyName("speed")] double Speed,
    [property: JsonPropertyName("withKey")] bool WithKey);
