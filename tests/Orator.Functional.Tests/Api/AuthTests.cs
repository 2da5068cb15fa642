using System.Net;
using Orator.Functional.Tests.Infrastructure;

namespace Orator.Functional.Tests.Api;

[Collection(KeyedServerCollection.Name)]
public sealed class AuthTests(KeyedServerFixture server)
{
    private static readonly object Body = new { model = "tts-1", input = "Secret.", voice = "alloy", response_format = "wav" };

    [Fact]
    public async Task A_request_without_a_key_is_a_401_invalid_api_key()
    {
        using var client = server.CreateClient();
        client.DefaultRequestHeaders.Authorization = null;
        using var response = await client.PostSpeechAsync(Body);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var error = await SpeechCalls.ReadErrorAsync(response);
        Assert.Equal("invalid_request_error", error.Type);
        Assert.Equal("invalid_api_key", error.Code);
    }

    [Theory]
    [InlineData("sk-test-alpha-012345678")]
    [InlineData("sk-test-alpha-01234567890")]
    [InlineData("wrong")]
    public async Task A_wrong_key_is_a_401_that_does_not_echo_the_key(string key)
    {
        using var client = server.CreateClient(key);
        using var response = await client.PostSpeechAsync(Body);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var error = await SpeechCalls.ReadErrorAsync(response);
        Assert.Equal("invalid_api_key", error.Code);
        Assert.DoesNotContain(key, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(KeyedServerFixture.Key)]
    [InlineData("sk-test-beta")]
    public async Task Any_configured_key_is_accepted(string key)
    {
        using var client = server.CreateClient(key);
        var wav = await client.SpeakAsync(Body);
        Assert.True((await AudioProbe.ProbeAsync(wav)).DecodedSeconds > 0.3);
    }

    [Fact]
    public async Task Models_need_a_key_but_health_does_not()
    {
        using var anonymous = server.CreateClient();
        anonymous.DefaultRequestHeaders.Authorization = null;

        using var models = await anonymous.GetAsync("v1/models");
        using var health = await anonymous.GetAsync("health");

        Assert.Equal(HttpStatusCode.Unauthorized, models.StatusCode);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.False(server.Server.IsOpen);
        Assert.Equal(2, server.Server.KeyCount);
    }
}
