using System.Buffers.Binary;
using System.Globalization;
using Orator.Functional.Tests.Infrastructure;

namespace Orator.Functional.Tests.Speech;

/// <summary><c>sample_rate</c> over HTTP: the file is at the rate asked for and as long as the 24 kHz rendering.</summary>
[Collection(OpenServerCollection.Name)]
public sealed class SampleRateTests(OpenServerFixture server)
{
    // verse is Flite's kal16 voice: deterministic, so renderings at different rates share one length.
    private const string Text = "Sample rates change the clock, not the words.";

    public static TheoryData<string, int> Pairs
    {
        get
        {
            var data = new TheoryData<string, int>();
            foreach (var format in new[] { "wav", "flac" })
            {
                foreach (var rate in new[] { 8000, 16000, 22050, 24000, 44100, 48000 })
                {
                    data.Add(format, rate);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Pairs))]
    public async Task A_wav_or_flac_file_carries_the_rate_asked_for_and_keeps_its_duration(string format, int rate)
    {
        using var client = server.CreateClient();
        var reference = (await client.SpeakAsync(new { model = "tts-1", input = Text, voice = "verse", response_format = "pcm" })).Length / 2;

        var audio = await AudioProbe.ProbeAsync(await client.SpeakAsync(new { model = "tts-1", input = Text, voice = "verse", response_format = format, sample_rate = rate }));

        Assert.Equal(rate, audio.SampleRate);
        Assert.Equal("", audio.DecoderErrors);
        Assert.True(audio.Rms > 0.01);
        // The same duration within one sample of the coarser clock.
        Assert.InRange(audio.DecodedSeconds, (reference / 24000.0) - (1.0 / rate) - (1.0 / 24000), (reference / 24000.0) + (1.0 / rate) + (1.0 / 24000));
    }

    [Theory]
    [InlineData(8000)]
    [InlineData(16000)]
    [InlineData(22050)]
    [InlineData(44100)]
    [InlineData(48000)]
    public async Task Pcm_bytes_scale_with_the_rate(int rate)
    {
        using var client = server.CreateClient();
        var reference = (await client.SpeakAsync(new { model = "tts-1", input = Text, voice = "verse", response_format = "pcm" })).Length / 2;

        var samples = (await client.SpeakAsync(new { model = "tts-1", input = Text, voice = "verse", response_format = "pcm", sample_rate = rate })).Length / 2;

        var expected = reference * (double)rate / 24000;
        Assert.InRange(samples, expected - 2, expected + 2);
    }

    [Theory]
    [InlineData(8000)]
    [InlineData(12000)]
    [InlineData(16000)]
    [InlineData(24000)]
    [InlineData(48000)]
    public async Task An_opus_stream_is_encoded_at_the_rate_asked_for_and_keeps_its_duration(int rate)
    {
        using var client = server.CreateClient();
        var reference = (await client.SpeakAsync(new { model = "tts-1", input = Text, voice = "verse", response_format = "pcm" })).Length / 2;

        var opus = await client.SpeakAsync(new { model = "tts-1", input = Text, voice = "verse", response_format = "opus", sample_rate = rate });

        // OpusHead (RFC 7845 5.1) opens the first page, after the 27-byte header and a 1-byte segment table;
        // its input sample rate is at offset 12. Decoders always run at 48 kHz, so ffprobe cannot tell it.
        Assert.True(opus.AsSpan(28, 8).SequenceEqual("OpusHead"u8));
        Assert.Equal((uint)rate, BinaryPrimitives.ReadUInt32LittleEndian(opus.AsSpan(28 + 12)));
        var decoded = await AudioProbe.DecodeAsync(opus, 24000);
        Assert.InRange(decoded.Length, reference - 2, reference + 480);
        Assert.True(Signal.Rms(decoded) > 0.01, rate.ToString(CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task A_rate_the_format_cannot_have_is_a_400_listing_the_ones_it_can()
    {
        using var client = server.CreateClient();
        using var response = await client.PostSpeechAsync(new { model = "tts-1", input = Text, voice = "verse", response_format = "opus", sample_rate = 44100 });

        var error = await SpeechCalls.ReadErrorAsync(response);
        Assert.Equal(400, (int)response.StatusCode);
        Assert.Equal("sample_rate", error.Param);
        Assert.Contains("8000, 12000, 16000, 24000, 48000", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_speaches_client_s_request_gets_pcm_at_its_rate()
    {
        // What Speaches clients send: the OpenAI fields plus sample_rate, pcm for a player at 16 kHz.
        using var client = server.CreateClient();
        using var response = await client.PostRawAsync("v1/audio/speech", """{"model":"tts-1","input":"Hello from a Speaches client.","voice":"alloy","response_format":"pcm","speed":1.0,"sample_rate":16000}""");

        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("audio/pcm", response.Content.Headers.ContentType?.MediaType);
        Assert.True(body.Length > 16000, body.Length.ToString(CultureInfo.InvariantCulture));
    }
}
