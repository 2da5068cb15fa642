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

    [Theory]
    [InlineData("Bearer ")]
    [InlineData("Bearer     ")]
    [InlineData("Bearer")]
    [InlineData("bearer \t")]
    public async Task An_empty_bearer_is_the_missing_key_401_not_a_wrong_key(string header)
    {
        using var client = server.CreateClient();
        client.DefaultRequestHeaders.Authorization = null;
        client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", header);

        using var speech = await client.PostSpeechAsync(Body);
        using var models = await client.GetAsync("v1/models");

        Assert.Equal(HttpStatusCode.Unauthorized, speech.StatusCode);
        var error = await SpeechCalls.ReadErrorAsync(speech);
        Assert.Equal("invalid_api_key", error.Code);
        Assert.StartsWith("You didn't provide an API key.", error.Message, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, models.StatusCode); // no key: the public listing answers
    }

    [Fact]
    public async Task Listings_and_health_need_no_key_but_speech_and_normalize_do()
    {
        using var anonymous = server.CreateClient();
        anonymous.DefaultRequestHeaders.Authorization = null;

        string[] listings = ["v1/models", "v1/models/tts-1", "v1/audio/models", "v1/audio/voices", "v1/audio/voices?model=flite", "health"];
        foreach (var path in listings)
        {
            using var listing = await anonymous.GetAsync(path);
            Assert.True(listing.StatusCode == HttpStatusCode.OK, $"{path}: {(int)listing.StatusCode}");
        }

        using var speech = await anonymous.PostSpeechAsync(Body);
        using var normalize = await anonymous.PostRawAsync("v1/audio/normalize", """{"input": "Secret."}""");
        using var unknownModel = await anonymous.GetAsync("v1/models/tts-9");

        Assert.Equal(HttpStatusCode.Unauthorized, speech.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, normalize.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknownModel.StatusCode);
        Assert.Equal("model_not_found", (await SpeechCalls.ReadErrorAsync(unknownModel)).Code);
        Assert.False(server.Server.IsOpen);
        Assert.Equal(2, server.Server.KeyCount);
    }

    [Theory]
    [InlineData("v1/models")]
    [InlineData("v1/audio/voices")]
    public async Task A_wrong_key_on_a_public_listing_is_still_a_401(string path)
    {
        using var client = server.CreateClient("sk-not-a-key");

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.StartsWith("Incorrect API key provided.", (await SpeechCalls.ReadErrorAsync(response)).Message, StringComparison.Ordinal);
    }
}
