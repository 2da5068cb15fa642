using System.Net;
using System.Net.Http.Json;
using System.Text;
using Orator.Functional.Tests.Infrastructure;

namespace Orator.Functional.Tests.Captions;

/// <summary>
/// <c>POST /v1/audio/captions</c>: the speech body, answered with captions alone in SubRip, WebVTT
/// or JSON, whose cues follow the rules and whose words are the ones the SSE stream tells.
/// </summary>
[Collection(OpenServerCollection.Name)]
public sealed class CaptionsEndpointTests(OpenServerFixture server)
{
    private const string Short = "Captions follow the voice. Each sentence, however short, ends a cue.";

    // One long sentence (no sentence end to break at) and then more: cues must split it by the line and time limits.
    private const string Long =
        "When the captions come from a single long sentence that runs on and on, with clauses, asides and lists of things, "
        + "the builder has to break it at its commas and its other clause ends, never inside a word, and never with more "
        + "than two lines of text on the screen at once. A short sentence follows. And then another one, "
        + "which closes the text.";

    [Theory]
    [InlineData("srt", "text/srt")]
    [InlineData("vtt", "text/vtt")]
    [InlineData("json", "application/json")]
    public async Task Each_format_comes_with_its_media_type_and_a_content_length(string format, string mediaType)
    {
        using var response = await PostCaptionsAsync(new { model = "tts-1", input = Short, voice = "alloy", response_format = format });
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.True(response.StatusCode == HttpStatusCode.OK, Encoding.UTF8.GetString(bytes));
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        if (format != "json")
        {
            Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        }

        Assert.Equal(bytes.Length, response.Content.Headers.ContentLength);
        // UTF-8 without a byte-order mark.
        Assert.False(bytes.AsSpan().StartsWith("\uFEFF"u8));
        Assert.Equal("local", string.Join(",", response.Headers.GetValues("x-orator-backend")));
    }

    [Fact]
    public async Task Without_a_response_format_the_captions_are_json()
    {
        using var response = await PostCaptionsAsync(new { model = "tts-1", input = Short, voice = "alloy" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var (words, cues) = CaptionFile.ParseJson(await response.Content.ReadAsStringAsync());
        Assert.NotEmpty(words);
        Assert.NotEmpty(cues);
    }

    [Fact]
    public async Task Each_sentence_ends_a_cue_and_the_json_words_are_the_input_s()
    {
        var (words, cues) = CaptionFile.ParseJson(await CaptionsAsync(Short, "json"));

        Assert.Equal(["Captions follow the voice.", "Each sentence, however short, ends a cue."], cues.Select(c => c.Text));
        Assert.Equal(["Captions", "follow", "the", "voice", "Each", "sentence", "however", "short", "ends", "a", "cue"], words.Select(w => w.Word));
        Assert.All(words, w => Assert.Equal(w.Word, Short.Substring(w.Offset, w.Length)));
        CueRules.AssertFollowed(Short, words, cues);
    }

    [Fact]
    public async Task A_long_input_gives_several_cues_within_two_lines_of_42_characters_and_7_seconds()
    {
        var (words, cues) = CaptionFile.ParseJson(await CaptionsAsync(Long, "json"));

        // The long first sentence alone holds more than two full lines, so it needs three cues or more.
        Assert.True(cues.Count >= 6, $"only {cues.Count} cues");
        Assert.Contains(cues, c => c.Lines.Count == 2);
        CueRules.AssertFollowed(Long, words, cues);
        Assert.Equal(Long.Split(' ').Length, words.Count);
        // Sentence ends end cues.
        Assert.Contains(cues, c => c.Text.EndsWith("at once.", StringComparison.Ordinal));
        Assert.Contains(cues, c => c.Text == "A short sentence follows.");
    }

    [Fact]
    public async Task Srt_and_vtt_carry_the_json_cues_numbered_and_timed_in_their_own_shapes()
    {
        var (words, cues) = CaptionFile.ParseJson(await CaptionsAsync(Long, "json"));
        var srtText = await CaptionsAsync(Long, "srt");
        var vttText = await CaptionsAsync(Long, "vtt");

        var srt = CaptionFile.ParseSrt(srtText);
        var vtt = CaptionFile.ParseVtt(vttText);
        Assert.Equal(cues, srt, CueComparer.Instance);
        Assert.Equal(cues, vtt, CueComparer.Instance);
        Assert.StartsWith("1\n00:00:", srtText, StringComparison.Ordinal);
        Assert.StartsWith("WEBVTT\n\n00:00:", vttText, StringComparison.Ordinal);
        CueRules.AssertFollowed(Long, words, srt);
    }

    [Fact]
    public async Task The_captions_words_are_the_sse_words_of_the_audio_format_they_go_with()
    {
        using var client = server.CreateClient();

        foreach (var format in new[] { "mp3", "wav" })
        {
            var captions = await CaptionsAsync(Short, "json", format);
            var sse = await client.SpeakAsync(new { model = "tts-1", input = Short, voice = "alloy", response_format = format, stream_format = "sse", timestamps = true });

            Assert.Equal(TimedSse.Parse(sse).Words, CaptionFile.ParseJson(captions).Words);
        }

        var mp3 = CaptionFile.ParseJson(await CaptionsAsync(Short, "json")).Words;
        var wav = CaptionFile.ParseJson(await CaptionsAsync(Short, "json", "wav")).Words;
        // Without audio_format the captions go with mp3, the speech endpoint's default, 1105 samples late.
        Assert.InRange(mp3[0].Start - wav[0].Start, (1105 / 24000.0) - 0.001, (1105 / 24000.0) + 0.001);
    }

    [Fact]
    public async Task Vtt_escapes_markup_and_srt_keeps_the_text_as_written()
    {
        const string input = "Use <b> & the --> arrow in R&D.";

        var vtt = await CaptionsAsync(input, "vtt");
        var srt = await CaptionsAsync(input, "srt");

        Assert.Contains("&lt;b&gt; &amp; the --&gt; arrow in R&amp;D.", vtt, StringComparison.Ordinal);
        Assert.Equal(input, string.Join(' ', CaptionFile.ParseVtt(vtt).SelectMany(c => c.Lines)));
        Assert.Equal(input, string.Join(' ', CaptionFile.ParseSrt(srt).SelectMany(c => c.Lines)));
    }

    [Fact]
    public async Task The_same_request_gives_the_same_captions()
    {
        Assert.Equal(await CaptionsAsync(Short, "srt"), await CaptionsAsync(Short, "srt"));
    }

    [Theory]
    [InlineData("""{"model":"tts-1","input":"Hi.","voice":"alloy","response_format":"mp3"}""", "response_format")]
    [InlineData("""{"model":"tts-1","input":"Hi.","voice":"alloy","response_format":"vtt","audio_format":"srt"}""", "audio_format")]
    [InlineData("""{"model":"tts-1","input":"Hi.","voice":"alloy","stream_format":"sse"}""", "stream_format")]
    [InlineData("""{"model":"tts-1","input":"Hi.","voice":"alloy","timestamps":true}""", "timestamps")]
    [InlineData("""{"model":"tts-1","input":"Hi.","voice":"alloy","return_timestamps":false}""", "return_timestamps")]
    [InlineData("""{"model":"tts-1","input":"Hi.","voice":"alloy","audio_format":"mp3","sample_rate":16000}""", "sample_rate")]
    [InlineData("""{"model":"tts-1","input":"Hi.","voice":"nobody"}""", "voice")]
    public async Task A_bad_captions_request_is_an_openai_shaped_400_on_the_field(string body, string param)
    {
        using var client = server.CreateClient();

        using var response = await client.PostRawAsync("v1/audio/captions", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var error = await SpeechCalls.ReadErrorAsync(response);
        Assert.Equal("invalid_request_error", error.Type);
        Assert.Equal(param, error.Param);
    }

    [Theory]
    [InlineData("""{"model":"tts-1","input":"Hi.","voice":"alloy","timestamps":"yes","stream_format":"sse"}""", "timestamps", "invalid_type")]
    [InlineData("""{"model":"tts-1","input":"Hi.","voice":"alloy","timestamps":1,"stream_format":"sse"}""", "timestamps", "invalid_type")]
    [InlineData("""{"model":"tts-1","input":"Hi.","voice":"alloy","timestamps":true}""", "timestamps", "invalid_value")]
    [InlineData("""{"model":"tts-1","input":"Hi.","voice":"alloy","timestamps":true,"stream_format":"audio","response_format":"wav"}""", "timestamps", "invalid_value")]
    [InlineData("""{"model":"tts-1","input":"Hi.","voice":"alloy","return_timestamps":true}""", "return_timestamps", "unknown_parameter")]
    public async Task A_bad_timestamps_speech_request_is_an_openai_shaped_400_on_the_field(string body, string param, string code)
    {
        using var client = server.CreateClient();

        using var response = await client.PostRawAsync("v1/audio/speech", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await SpeechCalls.ReadErrorAsync(response);
        Assert.Equal(("invalid_request_error", param, code), (error.Type, error.Param, error.Code));
    }

    private async Task<HttpResponseMessage> PostCaptionsAsync(object body)
    {
        using var client = server.CreateClient();
        return await client.PostAsJsonAsync("v1/audio/captions", body);
    }

    private async Task<string> CaptionsAsync(string input, string format, string? audioFormat = null)
    {
        using var response = await PostCaptionsAsync(audioFormat is null
            ? (object)new { model = "tts-1", input, voice = "alloy", response_format = format }
            : new { model = "tts-1", input, voice = "alloy", response_format = format, audio_format = audioFormat });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        return text;
    }

    /// <summary>Cues equal to the millisecond (what each format writes), lines and all.</summary>
    private sealed class CueComparer : IEqualityComparer<Cue>
    {
        public static CueComparer Instance { get; } = new();

        public bool Equals(Cue? x, Cue? y) =>
            x is not null && y is not null && Math.Abs(x.Start - y.Start) < 1e-6 && Math.Abs(x.End - y.End) < 1e-6 && x.Lines.SequenceEqual(y.Lines);

        public int GetHashCode(Cue obj) => obj.Lines.Count;
    }
}
