using Orator.Functional.Tests.Infrastructure;
using Orator.Speech.Catalog;

namespace Orator.Functional.Tests.Speech;

[Collection(OpenServerCollection.Name)]
public sealed class SpeechAudioTests(OpenServerFixture server)
{
    public static TheoryData<string> OpenAiVoices => [.. DefaultVoiceMap.OpenAiVoiceNames];

    [Theory]
    [MemberData(nameof(OpenAiVoices))]
    public async Task Every_openai_voice_speaks_a_sentence_as_24khz_mono_wav(string voice)
    {
        using var client = server.CreateClient();
        var wav = await client.SpeakAsync(new { model = "tts-1", input = SpeechCalls.Sentence, voice, response_format = "wav" });

        var audio = await AudioProbe.ProbeAsync(wav);
        Assert.Equal("pcm_s16le", audio.Codec);
        Assert.Equal("wav", audio.Container);
        Assert.Equal(24000, audio.SampleRate);
        Assert.Equal(1, audio.Channels);
        Assert.Equal("", audio.DecoderErrors);
        Assert.InRange(audio.DecodedSeconds, 1.2, 6.0);
        Assert.True(audio.Rms > 0.01, $"audio is near silent (rms {audio.Rms:F4})");
    }

    [Fact]
    public async Task Pcm_is_headerless_s16le_at_24khz_with_the_same_audio_as_wav()
    {
        using var client = server.CreateClient();
        var pcm = await client.SpeakAsync(new { model = "tts-1", input = SpeechCalls.Sentence, voice = "verse", response_format = "pcm" });
        var wav = await client.SpeakAsync(new { model = "tts-1", input = SpeechCalls.Sentence, voice = "verse", response_format = "wav" });

        Assert.NotEqual((byte)'R', pcm[0]);
        Assert.Equal(0, pcm.Length % 2);
        var audio = await AudioProbe.ProbeAsync(pcm, rawPcm: true);
        Assert.InRange(audio.DecodedSeconds, 1.2, 6.0);
        Assert.True(audio.Rms > 0.01);

        // kal16 is a diphone voice (deterministic): the wav body is the pcm plus a 44-byte header.
        Assert.Equal(pcm.Length + 44, wav.Length);
    }

    [Fact]
    public async Task Wav_header_declares_unknown_streaming_sizes()
    {
        using var client = server.CreateClient();
        using var response = await client.PostSpeechAsync(new { model = "tts-1", input = "Hello there.", voice = "alloy", response_format = "wav" });
        var wav = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal("audio/wav", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.TransferEncodingChunked);
        Assert.Equal(0xFFFFFFFFu, BitConverter.ToUInt32(wav, 4));
        Assert.Equal(0xFFFFFFFFu, BitConverter.ToUInt32(wav, 40));
        Assert.StartsWith("req_", response.Headers.GetValues("x-request-id").Single(), StringComparison.Ordinal);
        Assert.True(int.Parse(response.Headers.GetValues("openai-processing-ms").Single(), System.Globalization.CultureInfo.InvariantCulture) >= 0);
    }

    [Theory]
    [InlineData("tts-1-hd")]
    [InlineData("gpt-4o-mini-tts")]
    [InlineData("gpt-4o-mini-tts-2025-12-15")]
    [InlineData("flite")]
    public async Task Every_model_name_speaks_with_openai_voices(string model)
    {
        using var client = server.CreateClient();
        var wav = await client.SpeakAsync(new { model, input = SpeechCalls.Sentence, voice = "nova", response_format = "wav" });
        var audio = await AudioProbe.ProbeAsync(wav);
        Assert.InRange(audio.DecodedSeconds, 1.2, 6.0);
    }

    [Theory]
    [InlineData("tts-1", "slt")]
    [InlineData("tts-1", "flite:rms")]
    [InlineData("flite", "kal")]
    [InlineData("espeak", "de")]
    [InlineData("espeak", "espeak:en-gb")]
    [InlineData("espeak", "fr-fr")]
    [InlineData("tts-1", "espeak:es")]
    [InlineData("espeak", "alloy")]
    public async Task Native_voices_are_addressable(string model, string voice)
    {
        using var client = server.CreateClient();
        var wav = await client.SpeakAsync(new { model, input = "Uno dos tres. Bonjour. Guten Tag.", voice, response_format = "wav" });
        var audio = await AudioProbe.ProbeAsync(wav);
        Assert.Equal(24000, audio.SampleRate);
        Assert.InRange(audio.DecodedSeconds, 0.8, 8.0);
        Assert.True(audio.Rms > 0.01);
    }

    [Fact]
    public async Task Voice_given_as_an_object_with_an_id_is_accepted()
    {
        using var client = server.CreateClient();
        var wav = await client.SpeakAsync(new { model = "tts-1", input = "Object voice.", voice = new { id = "echo" }, response_format = "wav" });
        Assert.True((await AudioProbe.ProbeAsync(wav)).DecodedSeconds > 0.4);
    }

    [Fact]
    public async Task Text_with_unicode_punctuation_and_emoji_still_speaks()
    {
        using var client = server.CreateClient();
        var wav = await client.SpeakAsync(new { model = "tts-1", input = "“Café” — naïve façade… 😀 ok", voice = "alloy", response_format = "wav" });
        Assert.True((await AudioProbe.ProbeAsync(wav)).DecodedSeconds > 0.5);
    }
}
