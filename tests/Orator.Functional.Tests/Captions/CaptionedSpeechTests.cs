using System.Net;
using System.Net.Http.Json;
using Orator.Functional.Tests.Infrastructure;

namespace Orator.Functional.Tests.Captions;

/// <summary>
/// <c>POST /dev/captioned_speech</c>, as Kokoro-FastAPI's clients call it: JSON lines of base64 audio
/// and the words told since the last line while streaming, one object otherwise; the audio is the
/// speech endpoint's, the words the SSE stream's.
/// </summary>
[Collection(OpenServerCollection.Name)]
public sealed class CaptionedSpeechTests(OpenServerFixture server)
{
    private const string Text = "Captioned speech, as Kokoro sends it. It costs $3.50 and takes a second sentence.";

    [Fact]
    public async Task Streaming_sends_json_lines_whose_audio_joins_into_the_speech_endpoint_s_file_and_whose_words_are_timed()
    {
        using var client = server.CreateClient();

        using var response = await client.PostAsJsonAsync("dev/captioned_speech", new { model = "tts-1", input = Text, voice = "alloy" });
        var body = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.EndsWith("\n", body, StringComparison.Ordinal);
        var chunks = body[..^1].Split('\n').Select(CaptionedChunk.Parse).ToList();
        Assert.True(chunks.Count >= 2, $"only {chunks.Count} lines");
        Assert.All(chunks, c => Assert.Equal("audio/mpeg", c.AudioFormat));
        Assert.All(chunks, c => Assert.NotNull(c.Timestamps));
        var audio = chunks.SelectMany(c => c.Audio).ToArray();
        var probed = await AudioProbe.ProbeAsync(audio);
        Assert.Equal("mp3", probed.Codec);
        Assert.Equal("", probed.DecoderErrors);
        Assert.Equal(await client.SpeakAsync(new { model = "tts-1", input = Text, voice = "alloy", response_format = "mp3" }), audio);

        // The words are the SSE stream's, in Kokoro's shape, each with or before its audio.
        var sse = TimedSse.Parse(await client.SpeakAsync(new { model = "tts-1", input = Text, voice = "alloy", stream_format = "sse", timestamps = true }));
        var words = chunks.SelectMany(c => c.Timestamps!).ToList();
        Assert.Equal(sse.Words.Select(w => (w.Word, w.Start, w.End)), words);
        Assert.Contains(words, w => w.Word == "$3.50");
    }

    [Fact]
    public async Task A_line_s_words_start_in_its_own_audio_or_later_never_in_audio_already_sent()
    {
        using var client = server.CreateClient();

        using var response = await client.PostAsJsonAsync("dev/captioned_speech", new { model = "tts-1", input = Text, voice = "alloy", response_format = "pcm" });
        var body = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        var chunks = body.TrimEnd('\n').Split('\n').Select(CaptionedChunk.Parse).ToList();
        Assert.All(chunks, c => Assert.Equal("audio/pcm", c.AudioFormat));
        Assert.Contains(chunks.Skip(1), c => c.Timestamps!.Count > 0);
        long before = 0;
        foreach (var chunk in chunks)
        {
            var sent = before / 2 / 24000.0;
            // Times are rounded to the millisecond.
            Assert.All(chunk.Timestamps!, w => Assert.True(w.Start >= sent - 0.0005, $"'{w.Word}' starts at {w.Start} s, in the {sent:F4} s sent on earlier lines"));
            before += chunk.Audio.Length;
        }
    }

    [Fact]
    public async Task Stream_false_sends_one_object_with_the_whole_file_and_every_word()
    {
        using var client = server.CreateClient();

        using var response = await client.PostAsJsonAsync("dev/captioned_speech", new { model = "tts-1", input = Text, voice = "alloy", response_format = "wav", stream = false });
        var body = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var chunk = CaptionedChunk.Parse(body);
        Assert.Equal("audio/wav", chunk.AudioFormat);
        Assert.Equal(await client.SpeakAsync(new { model = "tts-1", input = Text, voice = "alloy", response_format = "wav", stream = false }), chunk.Audio);
        var probed = await AudioProbe.ProbeAsync(chunk.Audio);
        Assert.Equal("pcm_s16le", probed.Codec);
        var sse = TimedSse.Parse(await client.SpeakAsync(new { model = "tts-1", input = Text, voice = "alloy", response_format = "wav", stream_format = "sse", timestamps = true }));
        Assert.Equal(sse.Words.Select(w => (w.Word, w.Start, w.End)), chunk.Timestamps!);
        Assert.InRange(chunk.Timestamps![^1].End, probed.DecodedSeconds - 1, probed.DecodedSeconds + 0.001);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Return_timestamps_false_gives_null_timestamps_and_the_same_audio(bool stream)
    {
        using var client = server.CreateClient();

        using var response = await client.PostAsJsonAsync("dev/captioned_speech", new { model = "tts-1", input = Text, voice = "alloy", stream, return_timestamps = false });
        var body = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        var chunks = body.TrimEnd('\n').Split('\n').Select(CaptionedChunk.Parse).ToList();
        Assert.All(chunks, c => Assert.Null(c.Timestamps));
        Assert.Equal(await client.SpeakAsync(new { model = "tts-1", input = Text, voice = "alloy" }), chunks.SelectMany(c => c.Audio).ToArray());
        if (!stream)
        {
            Assert.Single(chunks);
        }
    }

    [Theory]
    [InlineData("""{"model":"tts-1","input":"Hi.","voice":"alloy","return_timestamps":"no"}""", "return_timestamps", "invalid_type")]
    [InlineData("""{"model":"tts-1","input":"Hi.","voice":"alloy","response_format":"srt"}""", "response_format", "invalid_value")]
    [InlineData("""{"model":"tts-1","input":"Hi.","voice":"alloy","stream_format":"sse"}""", "stream_format", "invalid_value")]
    [InlineData("""{"model":"tts-1","input":"Hi.","voice":"alloy","timestamps":true}""", "timestamps", "unknown_parameter")]
    [InlineData("""{"model":"tts-1","input":"Hi.","voice":"alloy","audio_format":"mp3"}""", "audio_format", "unknown_parameter")]
    [InlineData("""{"model":"tts-1","input":"Hi.","voice":"alloy","stream":false,"stream_format":"sse"}""", "stream_format", "invalid_value")]
    public async Task A_bad_captioned_speech_request_is_an_openai_shaped_400_on_the_field(string body, string param, string code)
    {
        using var client = server.CreateClient();

        using var response = await client.PostRawAsync("dev/captioned_speech", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await SpeechCalls.ReadErrorAsync(response);
        Assert.Equal(("invalid_request_error", param, code), (error.Type, error.Param, error.Code));
    }
}
