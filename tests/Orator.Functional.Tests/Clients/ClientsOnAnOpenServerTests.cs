using System.Net;
using Orator.Functional.Tests.Infrastructure;

namespace Orator.Functional.Tests.Clients;

/// <summary>
/// Open WebUI, Home Assistant, SillyTavern, LibreChat and n8n replayed against a server with no keys, set up as the
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

    [Fact]
    public async Task Librechat_without_an_api_key_setting_sends_bearer_undefined_and_a_long_message_plays_as_one_mp3()
    {
        var libre = new LibreChat(server.BaseAddress, apiKey: null);

        var shortAnswer = Assert.Single(await libre.SpeakAsync("nova", "Here is the summary you asked for."));
        var pieces = await libre.SpeakAsync("onyx", LibreChat.LongMessage());

        await ClientAudio.AssertPlaysAsync(shortAnswer, "audio/mpeg", "mp3");
        Assert.True(pieces.Count >= 5, $"{pieces.Count} pieces");
        foreach (var piece in pieces)
        {
            await ClientAudio.AssertPlaysAsync(piece, "audio/mpeg", "mp3");
        }

        // What the browser gets: the pieces' mp3 one after another, one stream that decodes whole.
        var joined = await AudioProbe.DecodeAsync(LibreChat.Joined(pieces), 24000);
        var parts = 0.0;
        foreach (var piece in pieces)
        {
            parts += (await AudioProbe.DecodeAsync(piece.Body, 24000)).Length;
        }

        Assert.InRange(joined.Length, parts * 0.99, parts * 1.01);
    }

    [Fact]
    public async Task N8n_generate_audio_saves_every_format_the_node_offers()
    {
        var node = new N8n(server.BaseAddress, apiKey: "sk-anything-n8n-requires-one");

        foreach (var (format, mediaType, codec) in new[] { ("mp3", "audio/mpeg", "mp3"), ("opus", "audio/opus", "opus"), ("aac", "audio/aac", "aac"), ("flac", "audio/flac", "flac") })
        {
            var audio = await node.GenerateAudioAsync("The workflow finished without errors.", responseFormat: format, speed: 1.2);
            await ClientAudio.AssertPlaysAsync(audio, mediaType, codec);
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
