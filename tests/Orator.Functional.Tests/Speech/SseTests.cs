using Orator.Functional.Tests.Api;
using Orator.Functional.Tests.Infrastructure;

namespace Orator.Functional.Tests.Speech;

[Collection(OpenServerCollection.Name)]
public sealed class SseTests(OpenServerFixture server)
{
    private const string Text = "Server-sent events carry the audio. Each delta is a slice of one file. The done event counts usage.";

    [Theory]
    [MemberData(nameof(FormatCodecs.Files), MemberType = typeof(FormatCodecs))]
    public async Task Sse_deltas_concatenate_into_one_valid_file_of_the_requested_format(string format, string codec)
    {
        using var client = server.CreateClient();
        using var response = await client.PostSpeechAsync(new { model = "tts-1", input = Text, voice = "ash", response_format = format, stream_format = "sse" });
        var body = await response.Content.ReadAsByteArrayAsync();

        Assert.True(response.IsSuccessStatusCode, System.Text.Encoding.UTF8.GetString(body));
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        var sse = SseStream.Parse(body);
        Assert.True(sse.DoneMarker);
        Assert.True(sse.Deltas >= 2, $"only {sse.Deltas} deltas");
        var audio = await AudioProbe.ProbeAsync(sse.Audio);
        Assert.Equal(codec, audio.Codec);
        Assert.Equal("", audio.DecoderErrors);
        Assert.True(audio.DecodedSeconds > 2);
    }

    [Fact]
    public async Task Sse_usage_counts_input_code_points_and_50_tokens_per_audio_second()
    {
        using var client = server.CreateClient();
        using var response = await client.PostSpeechAsync(new { model = "tts-1", input = "Usage: 😀 counts once.", voice = "verse", response_format = "pcm", stream_format = "sse", instructions = "calm" });
        var sse = SseStream.Parse(await response.Content.ReadAsByteArrayAsync());

        var input = sse.Usage.GetProperty("input_tokens").GetInt64();
        var output = sse.Usage.GetProperty("output_tokens").GetInt64();
        Assert.Equal("Usage: 😀 counts once.".EnumerateRunes().Count() + "calm".Length, input);
        Assert.Equal((long)Math.Ceiling(sse.Audio.Length / 2 / 24000.0 * 50), output);
        Assert.Equal(input + output, sse.Usage.GetProperty("total_tokens").GetInt64());
    }

    [Fact]
    public async Task The_node_sdk_streams_sse_into_a_valid_file()
    {
        var file = Path.Combine(Path.GetTempPath(), $"orator-node-sse-{Guid.NewGuid():N}.txt");
        try
        {
            var result = await NodeSdkTests.RunNodeAsync(server.BaseAddress + "v1", "sk-anything", "gpt-4o-mini-tts", "coral", "mp3", file, "sse");
            Assert.True(result.GetProperty("ok").GetBoolean(), result.ToString());

            var sse = SseStream.Parse(await File.ReadAllBytesAsync(file));
            var audio = await AudioProbe.ProbeAsync(sse.Audio);
            Assert.Equal("mp3", audio.Codec);
            Assert.True(audio.DecodedSeconds > 1);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
