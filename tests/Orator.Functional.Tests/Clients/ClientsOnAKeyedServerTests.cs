using System.Net;
using Orator.Functional.Tests.Infrastructure;

namespace Orator.Functional.Tests.Clients;

/// <summary>
/// Open WebUI, Home Assistant and SillyTavern replayed against a server that requires a key (and keeps
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

    private static string ErrorMessage(ClientResponse response)
    {
        using var json = System.Text.Json.JsonDocument.Parse(response.Body);
        return json.RootElement.GetProperty("error").GetProperty("message").GetString()!;
    }
}
