using System.Net;
using Orator.Functional.Tests.Infrastructure;

namespace Orator.Functional.Tests.Clients;

/// <summary>
/// Open WebUI, Home Assistant and SillyTavern replayed against a server with no keys, set up as the
/// README's "Use it with ..." section says, each checked on what that client would show and play.
/// </summary>
[Collection(OpenServerCollection.Name)]
public sealed class ClientsOnAnOpenServerTests(OpenServerFixture server)
{
    [Fact]
    public async Task Open_webui_with_an_empty_key_shows_orators_models_and_voices_and_plays_a_native_voice()
    {
        var webui = new OpenWebUi(server.BaseAddress, apiKey: "");

        var models = await webui.ModelsAsync();
        var voices = await webui.VoicesAsync();
        var speech = await webui.SpeakAsync("tts-1", "slt", "Hello from Open WebUI.");

        Assert.False(models.FellBack);
        Assert.Equal(["tts-1", "tts-1-hd", "gpt-4o-mini-tts", "espeak", "flite"], models.Ids);
        Assert.False(voices.FellBack);
        Assert.Contains(("alloy", "Alloy"), voices.Entries);
        Assert.Contains("slt", voices.Ids);
        Assert.Contains("espeak:de", voices.Ids);
        Assert.True(voices.Entries.Count > 60, $"only {voices.Entries.Count} voices in the picker");
        await ClientAudio.AssertPlaysAsync(speech, "audio/mpeg", "mp3");
    }

    [Fact]
    public async Task Home_assistant_without_a_key_lists_the_voices_and_saves_mp3_and_opus()
    {
        var assistant = new HomeAssistant(server.BaseAddress, apiKey: null);

        var voices = await assistant.VoicesAsync();
        var mp3 = await assistant.SpeakAsync("tts-1", "nova", "The kitchen lights are on.");
        var opus = await assistant.SpeakAsync("tts-1", "nova", "The kitchen lights are on.", responseFormat: "opus");

        Assert.False(voices.FellBack);
        Assert.Contains(("nova", "Nova"), voices.Entries);
        Assert.Contains("espeak:fr-fr", voices.Ids);
        await ClientAudio.AssertPlaysAsync(mp3, "audio/mpeg", "mp3");
        await ClientAudio.AssertPlaysAsync(opus, "audio/opus", "opus");
    }

    [Fact]
    public async Task Sillytavern_with_no_key_saved_sends_an_empty_bearer_and_every_default_voice_speaks()
    {
        var tavern = new SillyTavern(server.BaseAddress, apiKey: null);

        foreach (var voice in SillyTavern.DefaultVoices)
        {
            var speech = await tavern.SpeakAsync(voice, "Hello, traveller.");
            await ClientAudio.AssertPlaysAsync(speech, "audio/mpeg", "mp3");
        }
    }
}

/// <summary>Checks on the audio a replayed client saved.</summary>
internal static class ClientAudio
{
    public static async Task AssertPlaysAsync(ClientResponse response, string mediaType, string codec)
    {
        Assert.True(response.Status == HttpStatusCode.OK, $"{(int)response.Status}: {response.Text}");
        Assert.Equal(mediaType, response.MediaType);
        var audio = await AudioProbe.ProbeAsync(response.Body);
        Assert.Equal(codec, audio.Codec);
        Assert.True(audio.DecodedSeconds > 0.3, $"only {audio.DecodedSeconds:F2} s of audio");
        Assert.True(audio.Rms > 0.01, "the audio is silent");
    }
}
