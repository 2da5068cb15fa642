using System.Net.Http.Json;

namespace Orator.Functional.Tests.Gateway;

/// <summary>One speech response read whole: status, headers and body.</summary>
public sealed record RelayedSpeech(HttpResponseMessage Response, byte[] Body)
{
    /// <summary>Posts <paramref name="body"/> to <c>v1/audio/speech</c> and reads the answer to its end.</summary>
    public static async Task<RelayedSpeech> PostAsync(HttpClient client, object body)
    {
        var response = await client.PostAsJsonAsync("v1/audio/speech", body);
        return new RelayedSpeech(response, await response.Content.ReadAsByteArrayAsync());
    }

    public int Status => (int)Response.StatusCode;

    /// <summary>The value of header <paramref name="name"/>, or null.</summary>
    public string? Header(string name) =>
        Response.Headers.TryGetValues(name, out var values) || Response.Content.Headers.TryGetValues(name, out values) ? string.Join(",", values) : null;

    public string? ContentType => Response.Content.Headers.ContentType?.MediaType;

    /// <summary>Every header line and the body as text: what a leak check reads.</summary>
    public string Everything =>
        string.Join('\n', Response.Headers.Concat(Response.Content.Headers).Select(h => $"{h.Key}: {string.Join(",", h.Value)}"))
        + "\n" + System.Text.Encoding.UTF8.GetString(Body);
}
