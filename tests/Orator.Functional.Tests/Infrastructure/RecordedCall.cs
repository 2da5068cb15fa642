using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Orator.Functional.Tests.Infrastructure;

/// <summary>One request a <see cref="FaultyUpstream"/> received, recorded before it was answered.</summary>
public sealed record RecordedCall
{
    public required string Method { get; init; }

    /// <summary>The path, e.g. <c>/v1/audio/speech</c>.</summary>
    public required string Path { get; init; }

    /// <summary>The query string with its <c>?</c>, or empty.</summary>
    public required string Query { get; init; }

    /// <summary>Every header, case-insensitive by name; repeated values joined with <c>", "</c>.</summary>
    public required IReadOnlyDictionary<string, string> Headers { get; init; }

    public required string Body { get; init; }

    /// <summary>When the request had been read, to order calls across several upstreams.</summary>
    public required DateTimeOffset ReceivedAt { get; init; }

    /// <summary>The body parsed as JSON, or null when it is empty or not JSON.</summary>
    public JsonElement? Json { get; init; }

    /// <summary>The scripted behaviour this speech request got; null for other requests and rejected keys.</summary>
    public UpstreamFault? Fault { get; init; }

    public string? Model => String("model");

    public string? Input => String("input");

    public string? Voice => String("voice");

    public string? ResponseFormat => String("response_format");

    public string? Instructions => String("instructions");

    public string? StreamFormat => String("stream_format");

    public double? Speed => Json is { ValueKind: JsonValueKind.Object } json
        && json.TryGetProperty("speed", out var speed) && speed.ValueKind == JsonValueKind.Number ? speed.GetDouble() : null;

    /// <summary>The token of <c>Authorization: Bearer</c>, or null.</summary>
    public string? BearerToken => Header("Authorization") is { } value && value.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
        ? value["Bearer ".Length..].Trim()
        : null;

    /// <summary>The record of <paramref name="request"/>, whose body has been read as <paramref name="body"/>.</summary>
    public static RecordedCall From(HttpRequest request, string body)
    {
        JsonElement? json = null;
        try
        {
            using var document = JsonDocument.Parse(body);
            json = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            // An empty or broken body is recorded as text only.
        }

        return new RecordedCall
        {
            Method = request.Method,
            Path = request.Path.Value ?? "",
            Query = request.QueryString.Value ?? "",
            Headers = request.Headers.ToDictionary(h => h.Key, h => string.Join(", ", h.Value.ToArray()), StringComparer.OrdinalIgnoreCase),
            Body = body,
            ReceivedAt = DateTimeOffset.UtcNow,
            Json = json,
        };
    }

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    private string? String(string name) => Json is { ValueKind: JsonValueKind.Object } json
        && json.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
