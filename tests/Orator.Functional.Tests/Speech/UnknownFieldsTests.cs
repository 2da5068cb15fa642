using System.Net;
using Orator.Functional.Tests.Infrastructure;

namespace Orator.Functional.Tests.Speech;

/// <summary>With <c>Orator:UnknownFields=ignore</c>, unknown fields are spoken past and named on every answer.</summary>
[Collection(LenientServerCollection.Name)]
public sealed class UnknownFieldsTests(LenientServerFixture server)
{
    private const string Header = "x-orator-ignored-params";

    [Fact]
    public async Task Unknown_fields_get_audio_and_are_named_in_body_order()
    {
        using var client = server.CreateClient();
        using var response = await client.PostRawAsync("v1/audio/speech", """{"model":"tts-1","user":"u1","input":"Hello there.","voice":"alloy","response_format":"wav","seed":42}""");

        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("user,seed", string.Join(",", response.Headers.GetValues(Header)));
        Assert.True((await AudioProbe.ProbeAsync(body)).Rms > 0.01);
    }

    [Fact]
    public async Task Ignored_fields_are_named_on_an_error_answer_too()
    {
        using var client = server.CreateClient();
        using var response = await client.PostRawAsync("v1/audio/speech", """{"model":"tts-1","input":"Hello.","voice":"no-such-voice","user":"u1"}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("voice", (await SpeechCalls.ReadErrorAsync(response)).Param);
        Assert.Equal("user", string.Join(",", response.Headers.GetValues(Header)));
    }

    [Fact]
    public async Task A_body_with_only_known_fields_has_no_header()
    {
        using var client = server.CreateClient();
        using var response = await client.PostRawAsync("v1/audio/speech", """{"model":"tts-1","input":"Hello.","voice":"alloy","response_format":"pcm"}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains(Header));
    }
}

/// <summary>By default an unknown field stays a 400 that names it, and nothing is reported as ignored.</summary>
[Collection(OpenServerCollection.Name)]
public sealed class StrictUnknownFieldsTests(OpenServerFixture server)
{
    [Fact]
    public async Task A_typo_is_a_400_naming_the_field()
    {
        using var client = server.CreateClient();
        using var response = await client.PostRawAsync("v1/audio/speech", """{"model":"tts-1","input":"Hello.","voice":"alloy","response_fromat":"wav"}""");

        var error = await SpeechCalls.ReadErrorAsync(response);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("response_fromat", error.Param);
        Assert.Contains("response_fromat", error.Message, StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("x-orator-ignored-params"));
    }
}
