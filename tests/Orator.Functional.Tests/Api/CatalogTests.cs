using System.Text.Json;
using Orator.Functional.Tests.Infrastructure;
using Orator.Speech.Catalog;

namespace Orator.Functional.Tests.Api;

[Collection(OpenServerCollection.Name)]
public sealed class CatalogTests(OpenServerFixture server)
{
    [Fact]
    public async Task Models_are_listed_in_the_openai_shape()
    {
        using var client = server.CreateClient();
        using var json = JsonDocument.Parse(await client.GetStringAsync("v1/models"));

        Assert.Equal("list", json.RootElement.GetProperty("object").GetString());
        var ids = json.RootElement.GetProperty("data").EnumerateArray().Select(m =>
        {
            Assert.Equal("model", m.GetProperty("object").GetString());
            Assert.True(m.GetProperty("created").GetInt64() > 0);
            Assert.False(string.IsNullOrEmpty(m.GetProperty("owned_by").GetString()));
            return m.GetProperty("id").GetString();
        }).ToList();
        Assert.Equal(["tts-1", "tts-1-hd", "gpt-4o-mini-tts", "espeak", "flite"], ids);
    }

    [Fact]
    public async Task A_single_model_can_be_fetched_and_unknown_ones_are_404()
    {
        using var client = server.CreateClient();
        using var known = JsonDocument.Parse(await client.GetStringAsync("v1/models/tts-1"));
        using var unknown = await client.GetAsync("v1/models/tts-9");

        Assert.Equal("tts-1", known.RootElement.GetProperty("id").GetString());
        Assert.Equal(System.Net.HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("model_not_found", (await SpeechCalls.ReadErrorAsync(unknown)).Code);
    }

    [Theory]
    [InlineData("gpt-4o-mini-tts-2025-12-15")]
    [InlineData("gpt-4o-mini-tts-2025-03-20")]
    public async Task A_dated_model_alias_that_speech_accepts_is_a_model_too(string alias)
    {
        using var client = server.CreateClient();
        using var model = await client.GetAsync($"v1/models/{alias}");
        using var speech = await client.PostSpeechAsync(new { model = alias, input = "Hello.", voice = "alloy", response_format = "pcm" });

        Assert.Equal(System.Net.HttpStatusCode.OK, model.StatusCode);
        using var json = JsonDocument.Parse(await model.Content.ReadAsStringAsync());
        Assert.Equal(alias, json.RootElement.GetProperty("id").GetString());
        Assert.Equal(System.Net.HttpStatusCode.OK, speech.StatusCode);
    }

    [Theory]
    [InlineData("gpt-4o-mini-tts-2025-1-15")]
    [InlineData("gpt-4o-mini-tts-latest")]
    [InlineData("TTS-1")]
    public async Task A_name_speech_refuses_is_not_a_model_either(string name)
    {
        using var client = server.CreateClient();
        using var model = await client.GetAsync($"v1/models/{name}");
        using var speech = await client.PostSpeechAsync(new { model = name, input = "Hello.", voice = "alloy", response_format = "pcm" });

        Assert.Equal(System.Net.HttpStatusCode.NotFound, model.StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, speech.StatusCode);
        Assert.Equal("model_not_found", (await SpeechCalls.ReadErrorAsync(speech)).Code);
    }

    [Fact]
    public async Task Voices_list_every_openai_name_and_the_native_voices_with_their_details()
    {
        using var client = server.CreateClient();
        using var json = JsonDocument.Parse(await client.GetStringAsync("v1/audio/voices"));
        var rows = json.RootElement.GetProperty("data").EnumerateArray().ToList();
        var ids = rows.Select(r => r.GetProperty("id").GetString()).ToHashSet();

        foreach (var name in DefaultVoiceMap.OpenAiVoiceNames)
        {
            Assert.Contains(name, ids);
        }

        Assert.Contains("slt", ids);
        Assert.Contains("kal", ids);
        Assert.Contains("espeak:de", ids);
        Assert.Contains("espeak:en-gb", ids);
        Assert.True(rows.Count > 60, $"only {rows.Count} voices listed");
        foreach (var row in rows)
        {
            foreach (var field in new[] { "id", "name", "model", "language", "gender", "engine" })
            {
                Assert.False(string.IsNullOrEmpty(row.GetProperty(field).GetString()), $"{field} empty in {row}");
            }
        }
    }

    [Theory]
    [InlineData("v1/audio/voices")]
    [InlineData("v1/audio/voices?model=flite")]
    public async Task Voices_are_listed_under_data_and_again_under_voices(string path)
    {
        using var client = server.CreateClient();
        using var json = JsonDocument.Parse(await client.GetStringAsync(path));

        var data = json.RootElement.GetProperty("data").EnumerateArray().Select(v => v.GetRawText()).ToList();
        var voices = json.RootElement.GetProperty("voices").EnumerateArray().Select(v => v.GetRawText()).ToList();
        Assert.NotEmpty(data);
        Assert.Equal(data, voices);
        Assert.All(json.RootElement.GetProperty("voices").EnumerateArray(), v =>
        {
            Assert.False(string.IsNullOrEmpty(v.GetProperty("id").GetString()));
            Assert.False(string.IsNullOrEmpty(v.GetProperty("name").GetString()));
        });
    }

    [Fact]
    public async Task The_model_filter_keeps_only_that_models_voices()
    {
        using var client = server.CreateClient();
        using var json = JsonDocument.Parse(await client.GetStringAsync("v1/audio/voices?model=flite"));

        var ids = json.RootElement.GetProperty("voices").EnumerateArray().Select(v => v.GetProperty("id").GetString()).ToList();
        Assert.Contains("slt", ids);
        Assert.DoesNotContain("espeak:de", ids);
    }

    [Fact]
    public async Task Audio_models_lists_the_models_of_v1_models_under_models_and_data()
    {
        using var client = server.CreateClient();
        using var models = JsonDocument.Parse(await client.GetStringAsync("v1/models"));
        using var audio = JsonDocument.Parse(await client.GetStringAsync("v1/audio/models"));

        var expected = models.RootElement.GetProperty("data").EnumerateArray().Select(m => m.GetRawText()).ToList();
        Assert.Equal("list", audio.RootElement.GetProperty("object").GetString());
        Assert.Equal(expected, audio.RootElement.GetProperty("data").EnumerateArray().Select(m => m.GetRawText()));
        Assert.Equal(expected, audio.RootElement.GetProperty("models").EnumerateArray().Select(m => m.GetRawText()));
    }

    [Fact]
    public async Task Every_listed_voice_of_the_espeak_model_really_speaks()
    {
        using var client = server.CreateClient();
        using var json = JsonDocument.Parse(await client.GetStringAsync("v1/audio/voices?model=espeak"));
        var voices = json.RootElement.GetProperty("data").EnumerateArray().Select(r => r.GetProperty("id").GetString()!).ToList();
        Assert.True(voices.Count > 50);

        // Every 7th voice keeps the test short while touching languages across the list.
        foreach (var voice in voices.Where((_, i) => i % 7 == 0))
        {
            var pcm = await client.SpeakAsync(new { model = "espeak", input = "1 2 3", voice, response_format = "pcm" });
            Assert.True(pcm.Length > 24000, $"{voice} produced only {pcm.Length} bytes");
        }
    }

    [Fact]
    public async Task Health_reports_ok_with_engines_and_workers()
    {
        using var client = server.CreateClient();
        using var json = JsonDocument.Parse(await client.GetStringAsync("health"));

        Assert.Equal("ok", json.RootElement.GetProperty("status").GetString());
        Assert.Equal(2, json.RootElement.GetProperty("workers").GetInt32());
        var engines = json.RootElement.GetProperty("engines").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Contains("flite", engines);
        Assert.Contains("espeak", engines);
    }
}
