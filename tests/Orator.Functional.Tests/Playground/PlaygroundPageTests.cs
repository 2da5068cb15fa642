using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Orator.Functional.Tests.Infrastructure;

namespace Orator.Functional.Tests.Playground;

/// <summary>How the server serves the playground's files over HTTP.</summary>
[Collection(OpenServerCollection.Name)]
public sealed class PlaygroundPageTests(OpenServerFixture server)
{
    [Theory]
    [InlineData("/", "text/html", "<title>Orator playground</title>")]
    [InlineData("/playground/playground.css", "text/css", "prefers-color-scheme")]
    [InlineData("/playground/playground.js", "text/javascript", "MediaSource")]
    [InlineData("/playground/snippets.js", "text/javascript", "export function buildSnippets")]
    [InlineData("/playground/words.js", "text/javascript", "export class WordHighlighter")]
    public async Task Each_file_is_served_with_its_type_and_a_strict_content_security_policy(string path, string mediaType, string excerpt)
    {
        using var client = server.CreateClient();
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(excerpt, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.True(response.Headers.CacheControl?.NoCache);
        Assert.NotNull(response.Headers.ETag);
    }

    [Fact]
    public async Task A_matching_etag_answers_304_without_a_body()
    {
        using var client = server.CreateClient();
        using var first = await client.GetAsync(new Uri("/playground/playground.js", UriKind.Relative));
        using var again = new HttpRequestMessage(HttpMethod.Get, "/playground/playground.js");
        again.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using var second = await client.SendAsync(again);

        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Empty(await second.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task An_unknown_playground_file_is_an_openai_shaped_404()
    {
        using var client = server.CreateClient();
        using var response = await client.GetAsync(new Uri("/playground/missing.js", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("unknown_url", body.RootElement.GetProperty("error").GetProperty("code").GetString());
    }
}
