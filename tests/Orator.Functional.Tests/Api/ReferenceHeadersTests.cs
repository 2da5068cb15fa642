using System.Net;
using Orator.Functional.Tests.Infrastructure;

namespace Orator.Functional.Tests.Api;

/// <summary>The headers the reference API sends on every response, and an empty bearer on an open server.</summary>
[Collection(OpenServerCollection.Name)]
public sealed class ReferenceHeadersTests(OpenServerFixture server)
{
    [Fact]
    public async Task Every_v1_answer_carries_openai_version_and_openai_processing_ms_and_others_do_not()
    {
        using var client = server.CreateClient();

        using var models = await client.GetAsync("v1/models");
        using var unknownModel = await client.GetAsync("v1/models/tts-9");
        using var unknownRoute = await client.GetAsync("v1/nothing-here");
        using var invalid = await client.PostSpeechAsync(new { model = "tts-1", input = "", voice = "alloy" });
        using var speech = await client.PostSpeechAsync(new { model = "tts-1", input = "Hi.", voice = "alloy", response_format = "pcm" });
        using var health = await client.GetAsync("health");

        foreach (var (response, status) in new[] { (models, 200), (unknownModel, 404), (unknownRoute, 404), (invalid, 400), (speech, 200) })
        {
            Assert.Equal(status, (int)response.StatusCode);
            Assert.Equal("2020-10-01", Header(response, "openai-version"));
            Assert.InRange(long.Parse(Header(response, "openai-processing-ms"), System.Globalization.CultureInfo.InvariantCulture), 0, 60_000);
        }

        Assert.False(health.Headers.Contains("openai-version"));
        Assert.False(health.Headers.Contains("openai-processing-ms"));
    }

    [Theory]
    [InlineData("Bearer ")]
    [InlineData("Bearer")]
    public async Task An_empty_bearer_on_an_open_server_is_simply_no_key(string header)
    {
        using var client = server.CreateClient();
        client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", header);

        var wav = await client.SpeakAsync(new { model = "tts-1", input = "Open to all.", voice = "alloy", response_format = "wav" });

        Assert.True((await AudioProbe.ProbeAsync(wav)).DecodedSeconds > 0.3);
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? Assert.Single(values) : throw new Xunit.Sdk.XunitException($"no {name} header on a {(int)response.StatusCode}");
}
