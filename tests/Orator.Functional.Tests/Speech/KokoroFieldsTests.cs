using System.Net;
using System.Net.Http.Json;
using Orator.Functional.Tests.Infrastructure;

namespace Orator.Functional.Tests.Speech;

/// <summary>Kokoro-FastAPI's fields over HTTP, on a default (strict) server: they are known fields, not unknown ones.</summary>
[Collection(OpenServerCollection.Name)]
public sealed class KokoroFieldsTests(OpenServerFixture server)
{
    private const string Header = "x-orator-ignored-params";
    private const string Text = "Kokoro scripts send more fields than OpenAI clients do.";

    [Fact]
    public async Task A_kokoro_script_s_exact_body_gets_the_whole_mp3_with_the_unhonoured_fields_named()
    {
        // As a Kokoro-FastAPI script sends it: every field of its schema, stream false, a plain voice name.
        using var client = server.CreateClient();
        using var response = await client.PostRawAsync("v1/audio/speech", """
            {"model":"tts-1","input":"Hello world, this is a Kokoro script.","voice":"alloy","response_format":"mp3","download_format":"mp3",
             "speed":1,"stream":false,"return_download_link":false,"lang_code":"a","volume_multiplier":1,
             "normalization_options":{"normalize":true,"unit_normalization":false,"url_normalization":true,"email_normalization":true,
              "optional_pluralization_normalization":true,"phone_normalization":true,"replace_remaining_symbols":true}}
            """);

        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("audio/mpeg", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(body.Length, response.Content.Headers.ContentLength);
        Assert.Equal(
            "download_format,return_download_link,normalization_options.unit_normalization,normalization_options.optional_pluralization_normalization",
            string.Join(",", response.Headers.GetValues(Header)));
        var audio = await AudioProbe.ProbeAsync(body);
        Assert.Equal("mp3", audio.Codec);
        Assert.True(audio.Rms > 0.01);
    }

    [Theory]
    [InlineData("wav")]
    [InlineData("opus")]
    [InlineData("pcm")]
    public async Task Stream_false_sends_the_same_bytes_as_streaming_with_a_content_length(string format)
    {
        // verse (Flite kal16) is deterministic, and opus serials derive from the content: equal renders, equal bytes.
        using var client = server.CreateClient();
        var streamed = await client.SpeakAsync(new { model = "tts-1", input = Text, voice = "verse", response_format = format });

        using var response = await client.PostSpeechAsync(new { model = "tts-1", input = Text, voice = "verse", response_format = format, stream = false });

        var whole = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(whole.Length, response.Content.Headers.ContentLength);
        Assert.NotEqual(true, response.Headers.TransferEncodingChunked);
        Assert.Equal(streamed, whole);
    }

    [Fact]
    public async Task Stream_true_stays_chunked()
    {
        using var client = server.CreateClient();
        using var response = await client.PostSpeechAsync(new { model = "tts-1", input = Text, voice = "verse", response_format = "wav", stream = true });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.TransferEncodingChunked);
        Assert.False(response.Headers.Contains(Header));
    }

    [Fact]
    public async Task Four_times_the_volume_is_louder_and_never_reaches_full_scale()
    {
        using var client = server.CreateClient();
        var plain = Samples(await client.SpeakAsync(new { model = "tts-1", input = Text, voice = "verse", response_format = "pcm" }));

        var loud = Samples(await client.SpeakAsync(new { model = "tts-1", input = Text, voice = "verse", response_format = "pcm", volume_multiplier = 4 }));

        Assert.Equal(plain.Length, loud.Length);
        Assert.True(plain.Max(s => Math.Abs((int)s)) * 4 > short.MaxValue, "the speech is not loud enough for 4x to need limiting");
        Assert.True(loud.Max(s => Math.Abs((int)s)) < short.MaxValue, "a sample reached full scale");
        Assert.InRange(Signal.Rms(loud) / Signal.Rms(plain), 2.0, 4.0);
    }

    [Fact]
    public async Task A_quieter_volume_scales_the_level_down()
    {
        using var client = server.CreateClient();
        var plain = Samples(await client.SpeakAsync(new { model = "tts-1", input = Text, voice = "verse", response_format = "pcm" }));

        var quiet = Samples(await client.SpeakAsync(new { model = "tts-1", input = Text, voice = "verse", response_format = "pcm", volume_multiplier = 0.5 }));

        Assert.InRange(Signal.Rms(quiet) / Signal.Rms(plain), 0.49, 0.51);
    }

    [Theory]
    [InlineData("f", "espeak:fr")]
    [InlineData("de", "espeak:de")]
    public async Task A_lang_code_moves_an_espeak_voice_to_that_language(string code, string voicePrefix)
    {
        using var client = server.CreateClient();
        using var response = await client.PostSpeechAsync(new { model = "espeak", input = "Bonjour.", voice = "espeak:en-us", response_format = "wav", lang_code = code });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith(voicePrefix, string.Join(",", response.Headers.GetValues("x-orator-voice")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a")]
    [InlineData("en-US")]
    [InlineData("en")]
    public async Task A_lang_code_the_voice_already_speaks_changes_nothing(string code)
    {
        using var client = server.CreateClient();
        var plain = await client.SpeakAsync(new { model = "tts-1", input = Text, voice = "verse", response_format = "pcm" });

        var coded = await client.SpeakAsync(new { model = "tts-1", input = Text, voice = "verse", response_format = "pcm", lang_code = code });

        Assert.Equal(plain, coded);
    }

    [Theory]
    [InlineData("f", "cannot apply")]
    [InlineData("b", "cannot apply")]
    [InlineData("q", "not a language code")]
    [InlineData("123", "not a language code")]
    public async Task A_lang_code_a_flite_voice_cannot_speak_is_a_400_on_lang_code(string code, string says)
    {
        using var client = server.CreateClient();
        using var response = await client.PostSpeechAsync(new { model = "tts-1", input = Text, voice = "verse", lang_code = code });

        var error = await SpeechCalls.ReadErrorAsync(response);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("lang_code", error.Param);
        Assert.Contains(says, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("stream", "\"no\"")]
    [InlineData("volume_multiplier", "9")]
    [InlineData("volume_multiplier", "\"loud\"")]
    [InlineData("lang_code", "7")]
    [InlineData("normalization_options", "[1]")]
    [InlineData("normalization_options", "{\"normalize\":2}")]
    [InlineData("return_download_link", "\"yes\"")]
    [InlineData("download_format", "\"ogg\"")]
    [InlineData("sample_rate", "\"high\"")]
    [InlineData("sample_rate", "96000")]
    public async Task A_wrong_value_of_a_new_field_is_an_openai_shaped_400(string field, string raw)
    {
        using var client = server.CreateClient();
        using var response = await client.PostRawAsync("v1/audio/speech", $$"""{"model":"tts-1","input":"Hi.","voice":"alloy","response_format":"wav","{{field}}":{{raw}}}""");

        var error = await SpeechCalls.ReadErrorAsync(response);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(field, error.Param);
        Assert.Equal("invalid_request_error", error.Type);
    }

    [Fact]
    public async Task Stream_false_with_sse_is_a_400_on_stream()
    {
        using var client = server.CreateClient();
        using var response = await client.PostSpeechAsync(new { model = "gpt-4o-mini-tts", input = "Hi.", voice = "alloy", stream_format = "sse", stream = false });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("stream", (await SpeechCalls.ReadErrorAsync(response)).Param);
    }

    private static short[] Samples(byte[] pcm)
    {
        var samples = new short[pcm.Length / 2];
        Buffer.BlockCopy(pcm, 0, samples, 0, samples.Length * 2);
        return samples;
    }
}
