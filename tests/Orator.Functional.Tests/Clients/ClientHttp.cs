using System.Net;
using System.Text;
using System.Text.Json;

namespace Orator.Functional.Tests.Clients;

/// <summary>
/// Sends a request the way a replayed client does: exactly its headers and its body bytes, nothing
/// that HttpClient defaults would add.
/// </summary>
internal static class ClientHttp
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromMinutes(3) };

    public static async Task<ClientResponse> SendAsync(HttpMethod method, string url, IEnumerable<(string Name, string Value)> headers, string? json = null)
    {
        using var request = new HttpRequestMessage(method, url);
        if (json is not null)
        {
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(json));
        }

        foreach (var (name, value) in headers)
        {
            var added = name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)
                ? request.Content!.Headers.TryAddWithoutValidation(name, value)
                : request.Headers.TryAddWithoutValidation(name, value);
            Assert.True(added, $"header {name} not sent");
        }

        using var response = await Http.SendAsync(request);
        return new ClientResponse(response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsByteArrayAsync());
    }

    /// <summary>A JSON string as Python's json.dumps and JavaScript's JSON.stringify write ASCII text.</summary>
    public static string Quote(string text) => JsonSerializer.Serialize(text);
}

/// <summary>What came back: the status, the media type and the body.</summary>
internal sealed record ClientResponse(HttpStatusCode Status, string? MediaType, byte[] Body)
{
    /// <summary>True for a 2xx status (what requests' raise_for_status and aiohttp's status check accept).</summary>
    public bool Ok => (int)Status is >= 200 and < 300;

    /// <summary>The body as text.</summary>
    public string Text => Encoding.UTF8.GetString(Body);
}

/// <summary>What a client's picker shows: (id, label) pairs, and whether it gave up on the server and shows its own list.</summary>
internal sealed record Picker(IReadOnlyList<(string Id, string Name)> Entries, bool FellBack)
{
    public IReadOnlyList<string> Ids => [.. Entries.Select(e => e.Id)];
}
