using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Orator.Functional.Tests.Infrastructure;

namespace Orator.Functional.Tests.Speech;

/// <summary>Normalization, pronunciation overrides and the lexicon, through the real server and engines.</summary>
[Collection(LexiconServerCollection.Name)]
public sealed class NormalizationTests(LexiconServerFixture server)
{
    private async Task<JsonElement> NormalizeAsync(object body)
    {
        using var client = server.CreateClient();
        using var response = await client.PostAsJsonAsync("v1/audio/normalize", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {text}");
        Assert.StartsWith("application/json", response.Content.Headers.ContentType?.ToString(), StringComparison.Ordinal);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private async Task<double> SpokenSecondsAsync(object body)
    {
        using var client = server.CreateClient();
        var audio = await AudioProbe.ProbeAsync(await client.SpeakAsync(body));
        return Signal.SpokenSeconds(audio.Samples, audio.SampleRate);
    }

    [Fact]
    public async Task Normalize_returns_the_spoken_text_and_its_chunks_for_the_default_voice()
    {
        var result = await NormalizeAsync(new { input = "The $3.50 fee rose 12% on 1/5/2024. Call 555-123-4567!" });

        Assert.Equal("audio.normalization", result.GetProperty("object").GetString());
        Assert.Equal("The three dollars and fifty cents fee rose twelve percent on January fifth twenty twenty-four. Call five five five, one two three, four five six seven!", result.GetProperty("text").GetString());
        Assert.Equal("flite:slt", result.GetProperty("voice").GetString());
        Assert.True(result.GetProperty("normalization").GetProperty("enabled").GetBoolean());
        Assert.Equal("en-US", result.GetProperty("normalization").GetProperty("locale").GetString());
        var chunks = result.GetProperty("chunks").EnumerateArray().ToList();
        Assert.Equal(2, chunks.Count);
        Assert.StartsWith("The three dollars", chunks[0].GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal("sentence", chunks[0].GetProperty("break").GetString());
        Assert.Equal("end", chunks[1].GetProperty("break").GetString());
    }

    [Fact]
    public async Task Normalization_false_passes_the_text_on_as_written_but_keeps_overrides_and_the_lexicon()
    {
        var result = await NormalizeAsync(new { input = "Pay $5 to {Orator|OR-uh-ter} via nginx.", normalization = false });

        Assert.Equal("Pay $5 to OR-uh-ter via engine x.", result.GetProperty("text").GetString());
        Assert.False(result.GetProperty("normalization").GetProperty("enabled").GetBoolean());
        Assert.Equal(JsonValueKind.Null, result.GetProperty("normalization").GetProperty("locale").ValueKind);
    }

    [Fact]
    public async Task The_locale_option_switches_to_british_conventions()
    {
        var us = await NormalizeAsync(new { input = "On 5/1/2024 we paid 105." });
        var gb = await NormalizeAsync(new { input = "On 5/1/2024 we paid 105.", normalization = new { locale = "en-GB" } });

        Assert.Equal("On May first twenty twenty-four we paid one hundred five.", us.GetProperty("text").GetString());
        Assert.Equal("On the fifth of January twenty twenty-four we paid one hundred and five.", gb.GetProperty("text").GetString());
        Assert.Equal("en-GB", gb.GetProperty("normalization").GetProperty("locale").GetString());
    }

    [Fact]
    public async Task A_british_english_voice_is_read_with_british_conventions_by_default()
    {
        var result = await NormalizeAsync(new { input = "Drive 5 km on 5/1/2024.", model = "espeak", voice = "en-gb" });

        Assert.Equal("Drive five kilometres on the fifth of January twenty twenty-four.", result.GetProperty("text").GetString());
        Assert.Equal("en-GB", result.GetProperty("language").GetString());
    }

    [Fact]
    public async Task Other_languages_are_left_to_their_engine_apart_from_overrides()
    {
        var result = await NormalizeAsync(new { input = "Es kostet 5 € am 1.5.2024, {Nginx|Enschinn-X}.", model = "espeak", voice = "de" });

        Assert.Equal("Es kostet 5 € am 1.5.2024, Enschinn-X.", result.GetProperty("text").GetString());
        Assert.False(result.GetProperty("normalization").GetProperty("enabled").GetBoolean());
    }

    [Fact]
    public async Task Normalize_errors_are_openai_shaped()
    {
        using var client = server.CreateClient();
        using (var unknown = await client.PostRawAsync("v1/audio/normalize", """{"input":"x","speed":2}"""))
        {
            Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
            var error = await SpeechCalls.ReadErrorAsync(unknown);
            Assert.Equal(("speed", "unknown_parameter"), (error.Param, error.Code));
        }

        using (var voice = await client.PostRawAsync("v1/audio/normalize", """{"input":"x","voice":"nobody"}"""))
        {
            Assert.Equal(HttpStatusCode.BadRequest, voice.StatusCode);
            Assert.Equal("voice", (await SpeechCalls.ReadErrorAsync(voice)).Param);
        }

        using (var model = await client.PostRawAsync("v1/audio/normalize", """{"input":"x","model":"tts-9"}"""))
        {
            Assert.Equal(HttpStatusCode.NotFound, model.StatusCode);
            Assert.Equal("model", (await SpeechCalls.ReadErrorAsync(model)).Param);
        }

        using (var notJson = await client.PostRawAsync("v1/audio/normalize", "input=x", "text/plain"))
        {
            Assert.Equal(HttpStatusCode.UnsupportedMediaType, notJson.StatusCode);
            _ = await SpeechCalls.ReadErrorAsync(notJson);
        }

        using var get = await client.GetAsync("v1/audio/normalize");
        Assert.Equal(HttpStatusCode.MethodNotAllowed, get.StatusCode);
    }

    [Fact]
    public async Task Speech_accepts_the_extension_and_still_rejects_truly_unknown_fields()
    {
        using var client = server.CreateClient();
        _ = await client.SpeakAsync(new { model = "tts-1", input = "Hello.", voice = "alloy", normalization = new { enabled = true, locale = "en-GB" } });

        using var response = await client.PostSpeechAsync(new { model = "tts-1", input = "Hello.", voice = "alloy", normalisation = false });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await SpeechCalls.ReadErrorAsync(response);
        Assert.Equal(("normalisation", "unknown_parameter"), (error.Param, error.Code));
    }

    [Fact]
    public async Task Speech_is_normalized_before_synthesis_and_normalization_false_turns_it_off()
    {
        // A markdown link: normalized, only "the docs" is spoken; raw, the engine spells out the whole address.
        const string Input = "Read [the docs](https://example.com/a/very/long/path/to/the/reference/pages/index.html) now.";
        var normalized = await SpokenSecondsAsync(new { model = "tts-1", input = Input, voice = "alloy", response_format = "wav" });
        var raw = await SpokenSecondsAsync(new { model = "tts-1", input = Input, voice = "alloy", response_format = "wav", normalization = false });

        Assert.True(raw > normalized * 2, $"raw {raw:F2} s, normalized {normalized:F2} s");
    }

    [Fact]
    public async Task Inline_overrides_and_the_lexicon_change_what_is_spoken()
    {
        var plain = await SpokenSecondsAsync(new { model = "tts-1", input = "Say it.", voice = "alloy", response_format = "wav" });
        var overridden = await SpokenSecondsAsync(new { model = "tts-1", input = "Say {it|the quick brown fox jumped over the lazy dog again and again}.", voice = "alloy", response_format = "wav" });
        var lexicon = await SpokenSecondsAsync(new { model = "tts-1", input = "Say ZORBLAT.", voice = "alloy", response_format = "wav" });

        Assert.True(overridden > plain + 1.5, $"override {overridden:F2} s vs plain {plain:F2} s");
        Assert.True(lexicon > plain + 1.5, $"lexicon {lexicon:F2} s vs plain {plain:F2} s");
        Assert.InRange(lexicon / overridden, 0.8, 1.25);
    }
}
