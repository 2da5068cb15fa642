using System.Text.Json;
using Orator.Functional.Tests.Infrastructure;

namespace Orator.Functional.Tests.Playground;

/// <summary>
/// The web playground in a real browser (headless Debian Chromium through playwright-core)
/// against a real open server. Screenshots land in artifacts/playground.
/// </summary>
[Collection(OpenServerCollection.Name)]
public sealed class PlaygroundBrowserTests(OpenServerFixture server)
{
    [Fact]
    public async Task The_page_loads_and_lists_models_and_voices_with_language_and_gender()
    {
        var page = await PlaygroundDriver.RunCaseAsync(server.BaseAddress, "load");

        Assert.Equal("Orator playground", page.GetProperty("title").GetString());
        var models = Strings(page.GetProperty("models"));
        Assert.Equal([.. server.Server.Engines.Catalog.Models.Select(m => m.Id)], models);
        var voices = Strings(page.GetProperty("voices"));
        Assert.Contains("alloy (en-US, female)", voices);
        Assert.Contains("fable (en-GB, male)", voices);
        Assert.Contains("OpenAI voice names", Strings(page.GetProperty("groups")));
        Assert.Empty(page.GetProperty("unlabelled").EnumerateArray());
        Assert.Contains("status", Strings(page.GetProperty("liveRegions")));
        Assert.Contains("error", Strings(page.GetProperty("liveRegions")));
    }

    [Fact]
    public async Task The_counter_counts_code_points_and_the_servers_limit_message_is_shown_past_4096()
    {
        var page = await PlaygroundDriver.RunCaseAsync(server.BaseAddress, "counter");

        Assert.Equal("4,096 / 4,096", page.GetProperty("atLimit").GetProperty("text").GetString());
        Assert.Equal("false", page.GetProperty("atLimit").GetProperty("invalid").GetString());
        Assert.Equal("4,097 / 4,096", page.GetProperty("over").GetProperty("text").GetString());
        Assert.Equal("true", page.GetProperty("over").GetProperty("invalid").GetString());
        Assert.Equal("Expected a string with maximum length 4096, but got a string with length 4097 instead.", page.GetProperty("error").GetString());
    }

    [Theory]
    [InlineData("fable", "mp3", "mp3", "streaming (MediaSource)")]
    [InlineData("nova", "aac", "aac", "streaming (MediaSource)")]
    [InlineData("echo", "opus", "opus", "after download (blob)")]
    [InlineData("sage", "wav", "pcm_s16le", "after download (blob)")]
    [InlineData("onyx", "flac", "flac", "after download (blob)")]
    [InlineData("coral", "pcm", "pcm_s16le", "after download (blob)")]
    public async Task Play_gives_the_audio_element_a_decodable_stream_and_download_saves_the_same_audio(string voice, string format, string codec, string mode)
    {
        var page = await PlaygroundDriver.RunCaseAsync(server.BaseAddress, "play", voice, format);

        Assert.Equal(mode, page.GetProperty("mode").GetString());
        var duration = page.GetProperty("duration").GetDouble();
        Assert.InRange(duration, 3.0, 60.0); // four sentences
        Assert.True(page.GetProperty("currentTime").GetDouble() > 0.1, "the element played");
        Assert.True(page.GetProperty("errorHidden").GetBoolean());
        Assert.EndsWith(" ms", page.GetProperty("firstByte").GetString());
        Assert.EndsWith(" ms", page.GetProperty("total").GetString());
        Assert.EndsWith(" s", page.GetProperty("shownDuration").GetString());
        // Highlighting is on by default: the audio came in SSE events beside the words, which lit up.
        Assert.True(page.GetProperty("sse").GetBoolean());
        Assert.True(page.GetProperty("spans").GetInt32() > 20, "the words of the text became spans");
        if (mode.StartsWith("streaming", StringComparison.Ordinal))
        {
            // MediaSource playback begins before the last byte: that is the point of streaming.
            Assert.True(page.GetProperty("playingBeforeComplete").GetBoolean(), "playback started before the body was complete");
        }

        Assert.Equal($"speech.{format}", page.GetProperty("suggested").GetString());
        var audio = await AudioProbe.ProbeAsync(await File.ReadAllBytesAsync(page.GetProperty("file").GetString()!), rawPcm: format == "pcm");
        Assert.Equal(codec, audio.Codec);
        Assert.Equal("", audio.DecoderErrors);
        Assert.InRange(audio.DecodedSeconds, duration - 0.25, duration + 0.25);
    }

    [Fact]
    public async Task Empty_text_shows_the_apis_message_in_an_alert()
    {
        var page = await PlaygroundDriver.RunCaseAsync(server.BaseAddress, "empty");

        Assert.Equal("Expected a string with minimum length 1, but got an empty string instead.", page.GetProperty("message").GetString());
        Assert.Equal("alert", page.GetProperty("role").GetString());
        Assert.Equal("true", page.GetProperty("invalid").GetString());
    }

    [Fact]
    public async Task Network_failures_and_non_json_errors_are_explained_in_words()
    {
        var page = await PlaygroundDriver.RunCaseAsync(server.BaseAddress, "network");

        Assert.StartsWith("Could not reach the server (", page.GetProperty("refused").GetString());
        Assert.EndsWith($"Is Orator still running at {server.BaseAddress.GetLeftPart(UriPartial.Authority)}?", page.GetProperty("refused").GetString());
        Assert.StartsWith("The server answered 502", page.GetProperty("notJson").GetString());
        Assert.EndsWith("without an error message.", page.GetProperty("notJson").GetString());
    }

    [Fact]
    public async Task A_phone_sized_viewport_has_no_horizontal_scroll_and_every_control_fits()
    {
        var page = await PlaygroundDriver.RunCaseAsync(server.BaseAddress, "phone");

        Assert.Equal(375, page.GetProperty("width").GetInt32());
        Assert.True(page.GetProperty("scrollWidth").GetInt32() <= 375, page.ToString());
        Assert.True(page.GetProperty("bodyScrollWidth").GetInt32() <= 375, page.ToString());
        Assert.Empty(page.GetProperty("offscreen").EnumerateArray());
        Assert.True(page.GetProperty("count").GetInt32() >= 15);
    }

    [Fact]
    public async Task The_keyboard_alone_reaches_every_control_in_order_and_plays()
    {
        var page = await PlaygroundDriver.RunCaseAsync(server.BaseAddress, "keyboard");

        Assert.Equal(["input", "model", "voice", "format", "speed", "instructions", "SUMMARY", "play"], Strings(page.GetProperty("order")));
        var chosen = page.GetProperty("chosen");
        Assert.Equal("Typed and played with the keyboard only.", chosen.GetProperty("input").GetString());
        Assert.Equal(chosen.GetProperty("lastVoice").GetString(), chosen.GetProperty("voice").GetString());
        Assert.Equal("opus", chosen.GetProperty("format").GetString());
        Assert.Equal("1.1", chosen.GetProperty("speed").GetString());
        Assert.True(page.GetProperty("duration").GetDouble() > 0.5);
        Assert.Equal("tab-python", page.GetProperty("tab").GetProperty("focused").GetString());
        Assert.Equal("tab-python", page.GetProperty("tab").GetProperty("selected").GetString());
    }

    [Fact]
    public async Task Copy_as_code_shows_the_current_settings_in_every_language_and_copies_them()
    {
        const string Text = "It's a \"test\" of $HOME and \\ slashes.\nSecond line 😀";
        var page = await PlaygroundDriver.RunCaseAsync(server.BaseAddress, "snippets", Text, "fable", "opus", "1.5", "calmly");

        var expected = await PlaygroundDriver.SnippetsAsync(
            [new SnippetSettings(server.BaseAddress + "v1", "tts-1", "fable", Text, "calmly", "opus", 1.5, false)]);
        foreach (var language in new[] { "curl", "python", "javascript", "csharp" })
        {
            Assert.Equal(expected[0].GetProperty(language).GetString(), page.GetProperty(language).GetString());
        }

        Assert.Contains("\"voice\":\"fable\"", page.GetProperty("curl").GetString());
        Assert.Contains("\"speed\":1.5", page.GetProperty("curl").GetString());
        Assert.Contains("--output speech.opus", page.GetProperty("curl").GetString());
        Assert.Contains("    speed=1.5,", page.GetProperty("python").GetString());
        Assert.Contains("    instructions=\"calmly\",", page.GetProperty("python").GetString());
        Assert.Contains("  response_format: \"opus\",", page.GetProperty("javascript").GetString());
        Assert.Contains("new GeneratedSpeechVoice(\"fable\")", page.GetProperty("csharp").GetString());
        Assert.Contains("SpeedRatio = 1.5f,", page.GetProperty("csharp").GetString());
        Assert.Contains("GeneratedSpeechFormat.Opus", page.GetProperty("csharp").GetString());
        // The last tab shown was C#; Copy puts exactly that text on the clipboard.
        Assert.Equal(page.GetProperty("csharp").GetString(), page.GetProperty("clipboard").GetString());
    }

    private static string[] Strings(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString()!)];
}
