using System.ClientModel;
using System.Net;
using System.Text.Json;
using OpenAI;
using OpenAI.Audio;
using Orator.Functional.Tests.Infrastructure;

namespace Orator.Functional.Tests.Neural;

public sealed class NeuralSpeechTests(NeuralServerFixture server) : IClassFixture<NeuralServerFixture>
{
    private const string Text = "Neural voices speak through the same pipeline. Every format streams.";

    private static async Task<(HttpStatusCode Status, string? Voice, byte[] Body)> SpeakAsync(HttpClient client, object body)
    {
        using var response = await client.PostSpeechAsync(body);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var voice = response.Headers.TryGetValues("x-orator-voice", out var values) ? values.Single() : null;
        return (response.StatusCode, voice, bytes);
    }

    [Fact]
    public async Task The_model_list_offers_kokoro_piper_and_each_piper_voice_as_a_model()
    {
        using var client = server.CreateClient();
        using var json = JsonDocument.Parse(await client.GetStringAsync("v1/models"));
        var ids = json.RootElement.GetProperty("data").EnumerateArray().Select(m => m.GetProperty("id").GetString()).ToList();

        Assert.Contains("kokoro", ids);
        Assert.Contains("piper", ids);
        Assert.Contains($"piper:{NeuralServerFixture.PiperSingle}", ids);
        Assert.Contains($"piper:{NeuralServerFixture.PiperMulti}", ids);
        Assert.Contains("tts-1-hd", ids);
    }

    [Theory]
    [InlineData("tts-1-hd", "alloy", "kokoro:af_alloy")]
    [InlineData("gpt-4o-mini-tts", "nova", "kokoro:af_nova")]
    [InlineData("gpt-4o-mini-tts-2025-03-20", "echo", "kokoro:am_echo")]
    [InlineData("tts-1-hd", "onyx", "kokoro:am_onyx")]
    [InlineData("tts-1-hd", "fable", "kokoro:bm_fable")]
    [InlineData("tts-1-hd", "shimmer", "kokoro:af_bella")]
    [InlineData("tts-1", "alloy", "flite:slt")]
    [InlineData("kokoro", "af_heart", "kokoro:af_heart")]
    [InlineData("kokoro", "alloy", "kokoro:af_alloy")]
    [InlineData("tts-1", "af_heart", "kokoro:af_heart")]
    [InlineData("kokoro", "af_bella(2)+af_sky(1)", "kokoro:af_bella(2)+af_sky(1)")]
    [InlineData("piper:en_US-fixture-low", "alloy", "piper:en_US-fixture-low")]
    [InlineData("tts-1", "piper:en_US-fixture-low", "piper:en_US-fixture-low")]
    [InlineData("piper:en_US-libritts_r-medium", "4535", "piper:en_US-libritts_r-medium#4535")]
    [InlineData("piper", "en_US-libritts_r-medium#12", "piper:en_US-libritts_r-medium#12")]
    public async Task Models_and_voices_resolve_to_the_expected_engine_voice(string model, string voice, string expected)
    {
        using var client = server.CreateClient();

        var (status, used, body) = await SpeakAsync(client, new { model, voice, input = "Hello there.", response_format = "wav" });

        Assert.True(status == HttpStatusCode.OK, System.Text.Encoding.UTF8.GetString(body));
        Assert.Equal(expected, used);
        Assert.True(body.Length > 44 + 2400, $"{body.Length} bytes");
    }

    [Theory]
    [MemberData(nameof(FormatCodecs.All), MemberType = typeof(FormatCodecs))]
    public async Task Kokoro_streams_every_format_as_one_valid_24_kHz_file(string format, string codec)
    {
        using var client = server.CreateClient();
        var reference = await AudioProbe.ProbeAsync(await client.SpeakAsync(new { model = "tts-1-hd", voice = "alloy", input = Text, response_format = "wav" }));

        var probed = await AudioProbe.ProbeAsync(await client.SpeakAsync(new { model = "tts-1-hd", voice = "alloy", input = Text, response_format = format }), rawPcm: format == "pcm");

        Assert.Equal(codec, probed.Codec);
        // Opus always decodes at 48 kHz (RFC 7845); the stream itself is 24 kHz.
        Assert.Equal((format == "opus" ? 48000 : 24000, 1), (probed.SampleRate, probed.Channels));
        Assert.Equal("", probed.DecoderErrors);
        // 10 ms per token: two sentences of 30-50 tokens each, plus the pause between them.
        Assert.InRange(reference.DecodedSeconds, 0.6, 3.0);
        Assert.InRange(probed.DecodedSeconds, reference.DecodedSeconds - 0.1, reference.DecodedSeconds + 0.1);
    }

    [Fact]
    public async Task A_16_kHz_piper_voice_comes_out_resampled_to_24_kHz_with_its_duration_kept()
    {
        using var client = server.CreateClient();

        var slow = await AudioProbe.ProbeAsync(await client.SpeakAsync(new { model = $"piper:{NeuralServerFixture.PiperSingle}", voice = "alloy", input = "One sentence only.", response_format = "flac" }));
        var fast = await AudioProbe.ProbeAsync(await client.SpeakAsync(new { model = $"piper:{NeuralServerFixture.PiperSingle}", voice = "alloy", input = "One sentence only.", response_format = "flac", speed = 2.0 }));

        Assert.Equal(24000, slow.SampleRate);
        // 10 ms per id at 16 kHz: about 40 ids (with pads) make 0.4 s and more.
        Assert.InRange(slow.DecodedSeconds, 0.4, 2.0);
        Assert.InRange(fast.DecodedSeconds / slow.DecodedSeconds, 0.4, 0.6);
    }

    [Fact]
    public async Task Sse_streams_kokoro_audio_deltas_and_a_done_event()
    {
        using var client = server.CreateClient();
        using var response = await client.PostSpeechAsync(new { model = "gpt-4o-mini-tts", voice = "coral", input = Text, response_format = "pcm", stream_format = "sse" });
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("kokoro:af_heart", response.Headers.GetValues("x-orator-voice").Single());
        Assert.Contains("\"type\":\"speech.audio.delta\"", body, StringComparison.Ordinal);
        Assert.Contains("\"type\":\"speech.audio.done\"", body, StringComparison.Ordinal);
        Assert.EndsWith("data: [DONE]\n\n", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_official_openai_sdk_speaks_with_kokoro_through_tts_1_hd()
    {
        var client = new AudioClient("tts-1-hd", new ApiKeyCredential("unused"), new OpenAIClientOptions { Endpoint = new Uri(server.BaseAddress, "v1") });
        using var http = server.CreateClient();
        var before = await KokoroMp3RequestsAsync(http);

        BinaryData audio = await client.GenerateSpeechAsync("Hello from the SDK.", GeneratedSpeechVoice.Fable, new SpeechGenerationOptions { ResponseFormat = GeneratedSpeechFormat.Mp3 });

        Assert.Equal(before + 1, await KokoroMp3RequestsAsync(http));
        var probed = await AudioProbe.ProbeAsync(audio.ToArray());
        Assert.Equal(("mp3", 24000), (probed.Codec, probed.SampleRate));
        Assert.True(probed.DecodedSeconds > 0.2, $"{probed.DecodedSeconds} s");
    }

    [Theory]
    [InlineData("kokoro", "af_nobody")]
    [InlineData("kokoro", "af_bella(0)+af_sky")]
    [InlineData("kokoro", "af_bella(2)+")]
    [InlineData("kokoro", "slt")]
    [InlineData("piper:en_US-libritts_r-medium", "no-such-speaker")]
    [InlineData("tts-1", "kokoro:af_bella(x)")]
    public async Task Unknown_neural_voices_get_an_openai_shaped_4xx(string model, string voice)
    {
        using var client = server.CreateClient();
        using var response = await client.PostSpeechAsync(new { model, voice, input = "Hi." });

        Assert.InRange((int)response.StatusCode, 400, 499);
        var (message, type, param, _) = await SpeechCalls.ReadErrorAsync(response);
        Assert.Equal(("invalid_request_error", "voice"), (type, param));
        Assert.Contains(voice, message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_voice_list_shows_kokoro_and_piper_voices_with_their_languages()
    {
        using var client = server.CreateClient();
        using var json = JsonDocument.Parse(await client.GetStringAsync("v1/audio/voices?model=kokoro"));
        var rows = json.RootElement.GetProperty("data").EnumerateArray().ToList();

        var heart = Assert.Single(rows, r => r.GetProperty("id").GetString() == "kokoro:af_heart");
        Assert.Equal("en-US", heart.GetProperty("language").GetString());
        Assert.Contains(rows, r => r.GetProperty("id").GetString() == "kokoro:ff_siwis" && r.GetProperty("language").GetString() == "fr-FR");
        Assert.True(rows.Count >= 54);
    }

    [Fact]
    public async Task A_pitch_cue_on_a_neural_voice_is_applied_by_the_pipeline_and_keeps_the_duration()
    {
        using var client = server.CreateClient();
        var plain = await AudioProbe.ProbeAsync(await client.SpeakAsync(new { model = "tts-1-hd", voice = "alloy", input = Text, response_format = "wav" }));
        using var response = await client.PostSpeechAsync(new { model = "tts-1-hd", voice = "alloy", input = Text, response_format = "wav", instructions = "Speak in a deep voice." });
        var lowered = await AudioProbe.ProbeAsync(await response.Content.ReadAsByteArrayAsync());

        Assert.Equal("kokoro:af_alloy", response.Headers.GetValues("x-orator-voice").Single());
        Assert.StartsWith("applied=lower", response.Headers.GetValues("x-orator-instructions").Single(), StringComparison.Ordinal);
        Assert.InRange(lowered.DecodedSeconds, plain.DecodedSeconds * 0.95, plain.DecodedSeconds * 1.05);
        Assert.NotEqual(plain.Samples.Take(2000), lowered.Samples.Take(2000));
    }

    [Theory]
    [InlineData("☃ ¿¡ ☃")]
    [InlineData("...")]
    public async Task Input_with_nothing_kokoro_can_say_gives_a_valid_file_not_an_error(string input)
    {
        using var client = server.CreateClient();

        var probed = await AudioProbe.ProbeAsync(await client.SpeakAsync(new { model = "kokoro", voice = "af_heart", input, response_format = "wav" }));

        // ffprobe reads the header; the file holds (almost) no samples, so ffmpeg's notice that it
        // cannot probe such a short stream for S/PDIF is expected and not checked.
        Assert.Equal(("pcm_s16le", 24000), (probed.Codec, probed.SampleRate));
        Assert.True(probed.DecodedSeconds < 0.5, $"{probed.DecodedSeconds} s");
    }

    [Fact]
    public async Task The_longest_input_streams_completely_through_kokoro()
    {
        using var client = server.CreateClient();
        var input = string.Concat(Enumerable.Repeat("words without any punctuation keep flowing on and on ", 80))[..4096];

        var probed = await AudioProbe.ProbeAsync(await client.SpeakAsync(new { model = "kokoro", voice = "bf_emma", input, response_format = "mp3" }));

        Assert.Equal("", probed.DecoderErrors);
        // 4,096 characters are roughly 4,000 phoneme tokens at 10 ms each.
        Assert.InRange(probed.DecodedSeconds, 25, 80);
    }

    /// <summary>orator_requests_total for successful tts-1-hd mp3 requests spoken by Kokoro.</summary>
    private static async Task<double> KokoroMp3RequestsAsync(HttpClient client)
    {
        var metrics = await client.GetStringAsync("metrics");
        return metrics.Split('\n')
            .Where(l => l.StartsWith("orator_requests_total{", StringComparison.Ordinal) && l.Contains("model=\"tts-1-hd\"", StringComparison.Ordinal)
                && l.Contains("engine=\"kokoro\"", StringComparison.Ordinal) && l.Contains("format=\"mp3\"", StringComparison.Ordinal) && l.Contains("status=\"200\"", StringComparison.Ordinal))
            .Sum(l => double.Parse(l[(l.LastIndexOf(' ') + 1)..], System.Globalization.CultureInfo.InvariantCulture));
    }
}
