using System.Text.Json;
using Orator.Functional.Tests.Infrastructure;

namespace Orator.Functional.Tests.Engines;

public sealed class MissingEngineTests(NoFliteServerFixture server) : IClassFixture<NoFliteServerFixture>
{
    [Fact]
    public async Task Without_flite_the_server_runs_on_espeak_and_says_why_flite_is_missing()
    {
        var missing = Assert.Single(server.Server.Engines.MissingEngines);
        Assert.Equal("flite", missing.EngineId);
        Assert.Contains("disabled", missing.Problem, StringComparison.Ordinal);

        using var client = server.CreateClient();
        using var models = JsonDocument.Parse(await client.GetStringAsync("v1/models"));
        var ids = models.RootElement.GetProperty("data").EnumerateArray().Select(m => m.GetProperty("id").GetString()).ToList();
        Assert.Equal(["tts-1", "tts-1-hd", "gpt-4o-mini-tts", "espeak"], ids);
    }

    [Fact]
    public async Task Without_flite_openai_voices_fall_back_to_espeak_english()
    {
        using var client = server.CreateClient();
        using var response = await client.PostSpeechAsync(new { model = "tts-1", input = "Still speaking.", voice = "alloy", response_format = "wav" });
        response.EnsureSuccessStatusCode();

        Assert.Equal("espeak:en-us", response.Headers.GetValues("x-orator-voice").Single());
        var audio = await AudioProbe.ProbeAsync(await response.Content.ReadAsByteArrayAsync());
        Assert.True(audio.DecodedSeconds > 0.5);
    }

    [Fact]
    public async Task Without_flite_its_native_voices_and_model_are_refused_clearly()
    {
        using var client = server.CreateClient();
        using var voice = await client.PostSpeechAsync(new { model = "tts-1", input = "x", voice = "slt", response_format = "wav" });
        using var model = await client.PostSpeechAsync(new { model = "flite", input = "x", voice = "alloy", response_format = "wav" });

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, voice.StatusCode);
        Assert.Equal("voice", (await SpeechCalls.ReadErrorAsync(voice)).Param);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, model.StatusCode);
        Assert.Equal("model_not_found", (await SpeechCalls.ReadErrorAsync(model)).Code);
    }
}
