using System.Net;
using Orator.Functional.Tests.Infrastructure;

namespace Orator.Functional.Tests.Clients;

/// <summary>
/// Open WebUI, Home Assistant, SillyTavern, LibreChat and n8n replayed against a server that requires a key (and keeps
/// <c>Orator:PublicCatalog</c> at its default), set up as the README's "Use it with ..." section says.
/// </summary>
[Collection(KeyedServerCollection.Name)]
public sealed class ClientsOnAKeyedServerTests(KeyedServerFixture server)
{
    private const string MissingKey = "You didn't provide an API key.";

    [Fact]
    public async Task Open_webui_lists_models_and_voices_with_no_key_sent_and_speaks_with_its_key()
    {
        var webui = new OpenWebUi(server.BaseAddress, KeyedServerFixture.Key);

        var models = await webui.ModelsAsync();
        var voices = await webui.VoicesAsync();
        var speech = await webui.SpeakAsync("tts-1", "echo", "Hello from Open WebUI.");

        Assert.False(models.FellBack);
        Assert.Contains("tts-1", models.Ids);
        Assert.False(voices.FellBack);
        Assert.Contains("echo", voices.Ids);
        Assert.Contains("kal", voices.Ids);
        await ClientAudio.AssertPlaysAsync(speech, "audio/mpeg", "mp3");
    }

    [Fact]
    public async Task Open_webui_with_the_key_left_empty_is_told_the_key_is_missing_when_it_speaks()
    {
        var webui = new OpenWebUi(server.BaseAddress, apiKey: "");

        var voices = await webui.VoicesAsync();
        var speech = await webui.SpeakAsync("tts-1", "echo", "Hello.");

        Assert.False(voices.FellBack);
        Assert.Equal(HttpStatusCode.Unauthorized, speech.Status);
        Assert.StartsWith(MissingKey, ErrorMessage(speech), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Home_assistant_with_its_key_lists_the_voices_and_saves_mp3()
    {
        var assistant = new HomeAssistant(server.BaseAddress, KeyedServerFixture.Key);

        var voices = await assistant.VoicesAsync();
        var speech = await assistant.SpeakAsync("tts-1", "fable", "The front door is locked.", instructions: "calm");

        Assert.False(voices.FellBack);
        Assert.Contains(("fable", "Fable"), voices.Entries);
        await ClientAudio.AssertPlaysAsync(speech, "audio/mpeg", "mp3");
    }

    [Fact]
    public async Task Sillytavern_speaks_with_its_key_and_without_one_is_told_the_key_is_missing_not_wrong()
    {
        var withKey = await new SillyTavern(server.BaseAddress, KeyedServerFixture.Key).SpeakAsync("onyx", "Hello, traveller.");
        var withoutKey = await new SillyTavern(server.BaseAddress, apiKey: null).SpeakAsync("onyx", "Hello, traveller.");

        await ClientAudio.AssertPlaysAsync(withKey, "audio/mpeg", "mp3");
        Assert.Equal(HttpStatusCode.Unauthorized, withoutKey.Status);
        Assert.StartsWith(MissingKey, ErrorMessage(withoutKey), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Librechat_with_its_api_key_speaks_and_without_the_setting_is_told_its_key_is_wrong()
    {
        var withKey = Assert.Single(await new LibreChat(server.BaseAddress, KeyedServerFixture.Key).SpeakAsync("echo", "The report is ready."));
        var unset = Assert.Single(await new LibreChat(server.BaseAddress, apiKey: null).SpeakAsync("echo", "The report is ready."));

        await ClientAudio.AssertPlaysAsync(withKey, "audio/mpeg", "mp3");
        // "Bearer undefined" is a key, and not one of this server's.
        Assert.Equal(HttpStatusCode.Unauthorized, unset.Status);
        Assert.StartsWith("Incorrect API key provided", ErrorMessage(unset), StringComparison.Ordinal);
    }

    [Fact]
    public async Task N8n_with_the_key_and_an_organization_header_saves_mp3_and_a_wrong_key_fails_the_node_with_401()
    {
        var good = await new N8n(server.BaseAddress, KeyedServerFixture.Key, organization: "org-n8n").GenerateAudioAsync("Invoice sent.");
        var wrong = await new N8n(server.BaseAddress, "sk-not-this-servers").GenerateAudioAsync("Invoice sent.");

        await ClientAudio.AssertPlaysAsync(good, "audio/mpeg", "mp3");
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.Status);
        Assert.Equal("invalid_api_key", ErrorCode(wrong));
    }

    [Fact]
    public async Task The_python_sdks_speech_request_with_its_octet_stream_accept_and_stainless_headers_gets_audio()
    {
        var python = new PythonSdk(server.BaseAddress, KeyedServerFixture.Key);

        var mp3 = await python.CreateSpeechAsync("tts-1", "coral", "Written by a Python script.");
        var wav = await python.CreateSpeechAsync("gpt-4o-mini-tts", "coral", "Written by a Python script.", responseFormat: "wav", retryCount: 1);

        await ClientAudio.AssertPlaysAsync(mp3, "audio/mpeg", "mp3");
        await ClientAudio.AssertPlaysAsync(wav, "audio/wav", "pcm_s16le");
    }

    [Fact]
    public async Task A_kokoro_fastapi_script_and_a_speaches_client_speak_with_the_key_and_are_told_it_is_missing_without()
    {
        const string kokoro = """
            {"model":"tts-1","input":"A Kokoro script on a keyed server.","voice":"alloy","response_format":"mp3","download_format":"mp3",
             "speed":1,"stream":false,"return_download_link":false,"lang_code":"a","volume_multiplier":1,
             "normalization_options":{"normalize":true}}
            """;
        const string speaches = """{"model":"tts-1","input":"A Speaches client on a keyed server.","voice":"alloy","response_format":"pcm","sample_rate":16000}""";
        var url = new Uri(server.BaseAddress, "v1/audio/speech").ToString();
        (string, string)[] json = [("Content-Type", "application/json")];

        var script = await ClientHttp.SendAsync(HttpMethod.Post, url, [.. json, ("Authorization", $"Bearer {KeyedServerFixture.Key}")], kokoro);
        var pcm = await ClientHttp.SendAsync(HttpMethod.Post, url, [.. json, ("Authorization", $"Bearer {KeyedServerFixture.Key}")], speaches);
        var scriptWithoutKey = await ClientHttp.SendAsync(HttpMethod.Post, url, json, kokoro);

        await ClientAudio.AssertPlaysAsync(script, "audio/mpeg", "mp3");
        Assert.Equal(HttpStatusCode.OK, pcm.Status);
        Assert.Equal("audio/pcm", pcm.MediaType);
        var samples = new short[pcm.Body.Length / 2];
        Buffer.BlockCopy(pcm.Body, 0, samples, 0, samples.Length * 2);
        Assert.True(samples.Length > 16000 / 2, $"{samples.Length} samples at 16 kHz");
        Assert.True(Signal.Rms(samples) > 0.01, "the pcm is silent");
        Assert.Equal(HttpStatusCode.Unauthorized, scriptWithoutKey.Status);
        Assert.StartsWith(MissingKey, ErrorMessage(scriptWithoutKey), StringComparison.Ordinal);
    }

    private static string ErrorCode(ClientResponse response)
    {
        using var json = System.Text.Json.JsonDocument.Parse(response.Body);
        return json.RootElement.GetProperty("error").GetProperty("code").GetString()!;
    }

    private static string ErrorMessage(ClientResponse response)
    {
        using var json = System.Text.Json.JsonDocument.Parse(response.Body);
        return json.RootElement.GetProperty("error").GetProperty("message").GetString()!;
    }
}
