using System.Text.Json;
using Orator.Gateway.Configuration;
using Orator.Speech.Catalog;

namespace Orator.Gateway.Upstreams;

/// <summary>
/// What voices an upstream offers. Orator, Speaches and LocalAI list theirs at
/// <c>/v1/audio/voices</c> (<c>{"data": [{"id": ...}]}</c>), Kokoro-FastAPI as
/// <c>{"voices": ["af_bella", ...]}</c>; OpenAI has no list, so an upstream without one is taken to
/// speak the 13 OpenAI names. Names configured under <c>Voices</c> are offered either way.
/// </summary>
internal static class UpstreamVoices
{
    private const int MaxVoices = 2000;
    private const int MaxBodyBytes = 4 * 1024 * 1024;

    /// <summary>The OpenAI names plus the configured ones.</summary>
    public static IReadOnlyList<string> Fallback(UpstreamDefinition definition) =>
        [.. DefaultVoiceMap.OpenAiVoiceNames.Concat(definition.Voices.Keys).Distinct(StringComparer.Ordinal)];

    /// <summary>The upstream's listed voices plus the configured names, or null when it lists none.</summary>
    public static async Task<IReadOnlyList<string>?> FetchAsync(UpstreamClient client, CancellationToken cancellationToken)
    {
        var definition = client.Definition;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(definition.Limits.Timeout);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, definition.VoicesUri);
            UpstreamHeaders.Apply(request, definition);
            using var response = await client.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            if (!response.IsSuccessStatusCode || response.Content.Headers.ContentLength > MaxBodyBytes)
            {
                return null;
            }

            var body = await response.Content.ReadAsByteArrayAsync(timeout.Token);
            var names = Parse(body);
            return names is null ? null : [.. names.Concat(definition.Voices.Keys).Distinct(StringComparer.Ordinal).Take(MaxVoices)];
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or IOException && !cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    /// <summary>The voice ids in a voices answer, or null when it is not one.</summary>
    internal static List<string>? Parse(ReadOnlySpan<byte> body)
    {
        try
        {
            var reader = new Utf8JsonReader(body);
            using var document = JsonDocument.ParseValue(ref reader);
            var root = document.RootElement;
            var list = root.ValueKind switch
            {
                JsonValueKind.Array => root,
                JsonValueKind.Object when root.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Array => data,
                JsonValueKind.Object when root.TryGetProperty("voices", out var voices) && voices.ValueKind == JsonValueKind.Array => voices,
                _ => default,
            };
            if (list.ValueKind != JsonValueKind.Array)
            {
                return null;
            }

            var names = new List<string>();
            foreach (var item in list.EnumerateArray())
            {
                if (NameOf(item) is { Length: > 0 and <= 200 } name)
                {
                    names.Add(name);
                }
            }

            return names.Count == 0 ? null : names;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? NameOf(JsonElement item) => item.ValueKind switch
    {
        JsonValueKind.String => item.GetString(),
        JsonValueKind.Object => Field(item, "id") ?? Field(item, "voice_id") ?? Field(item, "name"),
        _ => null,
    };

    private static string? Field(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
