using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Orator.Functional.Tests.Infrastructure;

/// <summary>Raw HTTP helpers for the speech endpoint.</summary>
public static class SpeechCalls
{
    public const string Sentence = "The quick brown fox jumped over the lazy dog.";

    public static Task<HttpResponseMessage> PostSpeechAsync(this HttpClient client, object body, CancellationToken cancellationToken = default) =>
        client.PostAsJsonAsync("v1/audio/speech", body, cancellationToken);

    public static async Task<HttpResponseMessage> PostRawAsync(this HttpClient client, string path, byte[] body, string? contentType = "application/json")
    {
        using var content = new ByteArrayContent(body);
        if (contentType is not null)
        {
            content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);
        }

        return await client.PostAsync(path, content);
    }

    public static Task<HttpResponseMessage> PostRawAsync(this HttpClient client, string path, string body, string? contentType = "application/json") =>
        client.PostRawAsync(path, Encoding.UTF8.GetBytes(body), contentType);

    /// <summary>Speaks and returns the audio bytes, failing the test on a non-200 answer.</summary>
    public static async Task<byte[]> SpeakAsync(this HttpClient client, object body)
    {
        using var response = await client.PostSpeechAsync(body);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {Encoding.UTF8.GetString(bytes)}");
        return bytes;
    }

    /// <summary>Parses an OpenAI error body.</summary>
    public static async Task<(string Message, string Type, string? Param, string? Code)> ReadErrorAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        using var json = JsonDocument.Parse(text);
        var error = json.RootElement.GetProperty("error");
        Assert.Equal(4, error.EnumerateObject().Count());
        return (
            error.GetProperty("message").GetString()!,
            error.GetProperty("type").GetString()!,
            error.GetProperty("param").ValueKind == JsonValueKind.Null ? null : error.GetProperty("param").GetString(),
            error.GetProperty("code").ValueKind == JsonValueKind.Null ? null : error.GetProperty("code").GetString());
    }
}
