using System.Net;
using Orator.Functional.Tests.Infrastructure;
using Orator.Server.Playground;

namespace Orator.Functional.Tests.Api;

/// <summary>HEAD wherever GET is: the GET's status and headers, no body.</summary>
[Collection(OpenServerCollection.Name)]
public sealed class HeadTests(OpenServerFixture server)
{
    // Differ between any two requests, HEAD or not.
    private static readonly HashSet<string> PerRequestHeaders = new(["x-request-id", "openai-processing-ms", "Date"], StringComparer.OrdinalIgnoreCase);

    [Fact]
    public async Task Head_answers_every_get_route_with_the_get_status_and_headers_and_no_body()
    {
        var paths = MappedRoutes.Of(server.Server)
            .Where(r => r.Method == "get")
            .Select(r => r.Path.Replace("{id}", "tts-1", StringComparison.Ordinal))
            .Concat(PlaygroundAssets.All.Select(a => a.Path))
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.Contains("/health", paths);
        Assert.Contains("/", paths);
        using var client = server.CreateClient();

        foreach (var path in paths)
        {
            using var get = await client.GetAsync(path.TrimStart('/'));
            using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, path.TrimStart('/')));
            var body = await head.Content.ReadAsByteArrayAsync();

            Assert.True(get.StatusCode == head.StatusCode, $"HEAD {path}: {(int)head.StatusCode}, GET {(int)get.StatusCode}");
            Assert.True(body.Length == 0, $"HEAD {path} sent {body.Length} bytes");
            if (path.StartsWith("/admin", StringComparison.Ordinal))
            {
                // No admin key on this server: both are the 404 for an unknown URL, whose message names the method.
                Assert.Equal(HttpStatusCode.NotFound, head.StatusCode);
                continue;
            }

            Assert.True(head.StatusCode == HttpStatusCode.OK, $"HEAD {path}: {(int)head.StatusCode}");
            Assert.Equal(Comparable(get), Comparable(head));
        }
    }

    [Fact]
    public async Task Head_where_only_post_is_mapped_is_a_405_as_get_is()
    {
        using var client = server.CreateClient();

        using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "v1/audio/speech"));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, head.StatusCode);
        Assert.Equal(["POST"], head.Content.Headers.Allow);
    }

    // Every header but the per-request ones, with how the body is framed (a sized GET's HEAD has the same
    // Content-Length; a chunked GET's HEAD has neither Content-Length nor Transfer-Encoding).
    private static string Comparable(HttpResponseMessage response) => string.Join('\n', response.Headers
        .Where(h => !PerRequestHeaders.Contains(h.Key) && !h.Key.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase))
        .Concat(response.Content.Headers.Where(h => !h.Key.Equals("Content-Length", StringComparison.OrdinalIgnoreCase) || response.Headers.TransferEncodingChunked != true))
        .Select(h => $"{h.Key.ToLowerInvariant()}: {string.Join(", ", h.Value)}")
        .Order(StringComparer.Ordinal));
}
