#pragma warning disable OPENAI001 // The SDK marks its streaming-speech API as evaluation-only; Orator must work with it all the same.
using System.ClientModel;
using OpenAI;
using OpenAI.Audio;
using Orator.Functional.Tests.Infrastructure;
using Orator.Speech.Catalog;

namespace Orator.Functional.Tests.Api;

[Collection(OpenServerCollection.Name)]
public sealed class OpenAiSdkTests(OpenServerFixture server)
{
    private AudioClient Client(string model) => new(model, new ApiKeyCredential("sk-anything"), new OpenAIClientOptions { Endpoint = new Uri(server.BaseAddress, "v1") });

    public static TheoryData<string> Voices => [.. DefaultVoiceMap.OpenAiVoiceNames];

    [Theory]
    [MemberData(nameof(Voices))]
    public async Task The_official_dotnet_sdk_generates_wav_with_every_voice(string voice)
    {
        var result = await Client("tts-1").GenerateSpeechAsync(
            "Hello from the official client.", new GeneratedSpeechVoice(voice), new SpeechGenerationOptions { ResponseFormat = GeneratedSpeechFormat.Wav });

        var audio = await AudioProbe.ProbeAsync(result.Value.ToArray());
        Assert.Equal("pcm_s16le", audio.Codec);
        Assert.Equal(24000, audio.SampleRate);
        Assert.InRange(audio.DecodedSeconds, 0.8, 5);
        Assert.True(audio.Rms > 0.01);
    }

    public static TheoryData<string, string> SdkFormats => new()
    {
        { "mp3", "mp3" }, { "opus", "opus" }, { "aac", "aac" }, { "flac", "flac" }, { "wav", "pcm_s16le" },
    };

    [Theory]
    [MemberData(nameof(SdkFormats))]
    public async Task The_official_dotnet_sdk_round_trips_every_format(string format, string codec)
    {
        var result = await Client("tts-1-hd").GenerateSpeechAsync(
            "Every format through the official client.", GeneratedSpeechVoice.Fable, new SpeechGenerationOptions { ResponseFormat = new GeneratedSpeechFormat(format) });

        var audio = await AudioProbe.ProbeAsync(result.Value.ToArray());
        Assert.Equal(codec, audio.Codec);
        Assert.Equal("", audio.DecoderErrors);
        Assert.True(audio.DecodedSeconds > 1.0);
    }

    [Theory]
    [InlineData("mp3", "mp3")]
    [InlineData("opus", "opus")]
    [InlineData("wav", "pcm_s16le")]
    public async Task The_dotnet_sdk_consumes_sse_deltas_into_a_valid_file_and_reads_usage(string format, string codec)
    {
        var stream = await Client("gpt-4o-mini-tts").GenerateSpeechStreamingAsync(
            "Streaming through server-sent events. Two sentences at least.", GeneratedSpeechVoice.Sage,
            new SpeechGenerationOptions { ResponseFormat = new GeneratedSpeechFormat(format), Instructions = "calmly" });

        using var audio = new MemoryStream();
        var deltas = 0;
        SpeechTokenUsage? usage = null;
        await foreach (var update in stream)
        {
            switch (update)
            {
                case StreamingSpeechAudioDeltaUpdate delta:
                    audio.Write(delta.AudioBytes.ToArray());
                    deltas++;
                    break;
                case StreamingSpeechAudioDoneUpdate done:
                    usage = done.Usage;
                    break;
            }
        }

        Assert.True(deltas >= 2);
        Assert.NotNull(usage);
        Assert.True(usage.InputTokenCount > 0 && usage.OutputTokenCount > 0);
        Assert.Equal(usage.InputTokenCount + usage.OutputTokenCount, usage.TotalTokenCount);
        var probed = await AudioProbe.ProbeAsync(audio.ToArray());
        Assert.Equal(codec, probed.Codec);
        Assert.Equal("", probed.DecoderErrors);
    }

    [Fact]
    public async Task The_sdk_default_format_is_mp3()
    {
        var result = await Client("tts-1").GenerateSpeechAsync("Default format.", GeneratedSpeechVoice.Nova);

        var audio = await AudioProbe.ProbeAsync(result.Value.ToArray());
        Assert.Equal("mp3", audio.Codec);
    }

    [Fact]
    public async Task The_sdk_gets_pcm_and_speed_is_honoured()
    {
        var client = Client("gpt-4o-mini-tts");
        const string text = "Measure how fast this sentence is spoken by the server.";
        var normal = await client.GenerateSpeechAsync(text, GeneratedSpeechVoice.Alloy, new SpeechGenerationOptions { ResponseFormat = GeneratedSpeechFormat.Pcm });
        var fast = await client.GenerateSpeechAsync(text, GeneratedSpeechVoice.Alloy, new SpeechGenerationOptions { ResponseFormat = GeneratedSpeechFormat.Pcm, SpeedRatio = 2f });

        var normalAudio = await AudioProbe.ProbeAsync(normal.Value.ToArray(), rawPcm: true);
        var fastAudio = await AudioProbe.ProbeAsync(fast.Value.ToArray(), rawPcm: true);
        var ratio = Signal.SpokenSeconds(fastAudio.Samples, 24000) / Signal.SpokenSeconds(normalAudio.Samples, 24000);
        Assert.InRange(ratio, 0.45, 0.55);
    }

    [Fact]
    public async Task The_sdk_surfaces_openai_errors_as_client_result_exceptions()
    {
        var error = await Assert.ThrowsAsync<ClientResultException>(() =>
            Client("tts-1").GenerateSpeechAsync("hi", new GeneratedSpeechVoice("no-such-voice"), new SpeechGenerationOptions { ResponseFormat = GeneratedSpeechFormat.Wav }));

        Assert.Equal(400, error.Status);
        Assert.Contains("no-such-voice", error.Message, StringComparison.Ordinal);
    }
}
