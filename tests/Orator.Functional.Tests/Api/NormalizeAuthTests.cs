using System.Net;
using Orator.Functional.Tests.Infrastructure;

namespace Orator.Functional.Tests.Api;

/// <summary><c>/v1/audio/normalize</c> is behind the same bearer keys as every other /v1 route.</summary>
[Collection(KeyedServerCollection.Name)]
public sealed class NormalizeAuthTests(KeyedServerFixture server)
{
    [Fact]
    public async Task Normalize_without_a_key_is_401_and_with_one_is_200()
    {
        using var anonymous = new HttpClient { BaseAddress = server.BaseAddress };
        using var refused = await anonymous.PostRawAsync("v1/audio/normalize", """{"input":"5 km"}""");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("invalid_request_error", (await SpeechCalls.ReadErrorAsync(refused)).Type);

        using var client = server.CreateClient();
        using var accepted = await client.PostRawAsync("v1/audio/normalize", """{"input":"5 km"}""");
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Contains("five kilometers", await accepted.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
