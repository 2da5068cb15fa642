using System.Globalization;
using System.Net;
using Orator.Functional.Tests.Infrastructure;
using Orator.Storage.Keys;

namespace Orator.Functional.Tests.Api;

/// <summary><c>retry-after-ms</c> beside <c>Retry-After</c>, which the OpenAI SDKs read first when they retry.</summary>
[Collection(KeyedServerCollection.Name)]
public sealed class RetryAfterTests(KeyedServerFixture server)
{
    [Fact]
    public async Task A_rate_limited_request_says_when_to_retry_in_seconds_and_in_milliseconds()
    {
        // The window is the UTC minute: keep both requests inside one.
        if (DateTime.UtcNow.Second >= 55)
        {
            await Task.Delay(TimeSpan.FromSeconds(61 - DateTime.UtcNow.Second));
        }

        var key = await server.Server.Storage.Keys.CreateAsync(new NewKey("retry", Limits: new KeyLimits(RequestsPerMinute: 1)), CancellationToken.None);
        using var client = server.CreateClient(key.Secret);

        using var first = await client.GetAsync("v1/models");
        using var second = await client.GetAsync("v1/models");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.False(first.Headers.Contains("retry-after-ms"));
        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
        Assert.Equal("rate_limit_exceeded", (await SpeechCalls.ReadErrorAsync(second)).Code);
        var seconds = (long)second.Headers.RetryAfter!.Delta!.Value.TotalSeconds;
        Assert.InRange(seconds, 1, 60);
        Assert.Equal((seconds * 1000).ToString(CultureInfo.InvariantCulture), Assert.Single(second.Headers.GetValues("retry-after-ms")));
        Assert.Equal("2020-10-01", Assert.Single(second.Headers.GetValues("openai-version")));
    }
}
