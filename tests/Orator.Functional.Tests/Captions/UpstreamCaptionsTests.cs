using System.Net;
using System.Net.Http.Json;
using Orator.Functional.Tests.Infrastructure;

namespace Orator.Functional.Tests.Captions;

/// <summary>
/// Word timings come from Orator's own engines only: a model only an upstream serves is a 400
/// <c>timestamps_unavailable</c> on every word-timed endpoint, a route with a local engine keeps it,
/// and <c>/dev/captioned_speech</c> is API like <c>/v1</c> (the key is required).
/// </summary>
public sealed class UpstreamCaptionsTests(UpstreamCaptionsFixture server) : IClassFixture<UpstreamCaptionsFixture>
{
    private const string Input = "Words need a local voice.";

    public static TheoryData<string, string> WordTimedRequests() => new()
    {
        { "v1/audio/speech", """{"model":"premium","input":"Words need a local voice.","voice":"alloy","stream_format":"sse","timestamps":true}""" },
        { "v1/audio/captions", """{"model":"premium","input":"Words need a local voice.","voice":"alloy","response_format":"srt"}""" },
        { "dev/captioned_speech", """{"model":"premium","input":"Words need a local voice.","voice":"alloy"}""" },
        { "dev/captioned_speech", """{"model":"premium","input":"Words need a local voice.","voice":"alloy","stream":false}""" },
        // Without words the body is still Orator's JSON, which an upstream's audio is not.
        { "dev/captioned_speech", """{"model":"premium","input":"Words need a local voice.","voice":"alloy","return_timestamps":false}""" },
    };

    [Theory]
    [MemberData(nameof(WordTimedRequests))]
    public async Task A_model_only_an_upstream_serves_is_a_400_timestamps_unavailable_and_the_upstream_is_not_called(string path, string body)
    {
        using var client = server.CreateClient();
        var calls = server.UpstreamSpeechCalls;

        using var response = await client.PostRawAsync(path, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var error = await SpeechCalls.ReadErrorAsync(response);
        Assert.Equal(("invalid_request_error", "model", "timestamps_unavailable"), (error.Type, error.Param, error.Code));
        Assert.Contains("'premium'", error.Message, StringComparison.Ordinal);
        Assert.Contains("loopback", error.Message, StringComparison.Ordinal);
        Assert.Equal(calls, server.UpstreamSpeechCalls);
    }

    [Fact]
    public async Task The_same_model_without_words_is_served_by_the_upstream()
    {
        using var client = server.CreateClient();
        var calls = server.UpstreamSpeechCalls;

        var audio = await client.SpeakAsync(new { model = "premium", input = Input, voice = "alloy" });

        Assert.Equal(server.Upstream.Payload, audio);
        Assert.Equal(calls + 1, server.UpstreamSpeechCalls);
    }

    [Fact]
    public async Task A_route_with_a_local_engine_after_the_upstream_serves_words_locally()
    {
        using var client = server.CreateClient();
        var calls = server.UpstreamSpeechCalls;

        using var plain = await client.PostSpeechAsync(new { model = "tts-1", input = Input, voice = "alloy", stream_format = "sse" });
        await plain.Content.ReadAsByteArrayAsync();
        using var timed = await client.PostSpeechAsync(new { model = "tts-1", input = Input, voice = "alloy", stream_format = "sse", timestamps = true });
        var sse = TimedSse.Parse(await timed.Content.ReadAsByteArrayAsync());
        using var captions = await client.PostAsJsonAsync("v1/audio/captions", new { model = "tts-1", input = Input, voice = "alloy", response_format = "vtt" });
        var vtt = await captions.Content.ReadAsStringAsync();

        // The upstream comes first on tts-1, as the plain request shows; words skip it.
        Assert.Equal("loopback", string.Join(",", plain.Headers.GetValues("x-orator-backend")));
        Assert.Equal("local", string.Join(",", timed.Headers.GetValues("x-orator-backend")));
        Assert.Equal(["Words", "need", "a", "local", "voice"], sse.Words.Select(w => w.Word));
        Assert.True(captions.StatusCode == HttpStatusCode.OK, vtt);
        Assert.Equal("local", string.Join(",", captions.Headers.GetValues("x-orator-backend")));
        Assert.Equal(Input, Assert.Single(CaptionFile.ParseVtt(vtt)).Text);
        Assert.Equal(calls + 1, server.UpstreamSpeechCalls);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Captioned_speech_on_a_route_with_a_local_engine_is_served_locally_with_or_without_timestamps(bool timestamps)
    {
        using var client = server.CreateClient();
        var calls = server.UpstreamSpeechCalls;

        using var response = await client.PostAsJsonAsync("dev/captioned_speech", new { model = "tts-1", input = Input, voice = "alloy", stream = false, return_timestamps = timestamps });
        var body = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("local", string.Join(",", response.Headers.GetValues("x-orator-backend")));
        var chunk = CaptionedChunk.Parse(body);
        Assert.Equal("mp3", (await AudioProbe.ProbeAsync(chunk.Audio)).Codec);
        Assert.Equal(timestamps, chunk.Timestamps is not null);
        Assert.Equal(calls, server.UpstreamSpeechCalls);
    }

    [Theory]
    [InlineData("dev/captioned_speech", null)]
    [InlineData("dev/captioned_speech", "sk-captions-client-3e81b")]
    [InlineData("v1/audio/captions", null)]
    [InlineData("v1/audio/captions", "wrong")]
    public async Task Captions_and_captioned_speech_need_the_key(string path, string? key)
    {
        using var client = server.CreateClient(key);

        using var response = await client.PostAsJsonAsync(path, new { model = "tts-1", input = Input, voice = "alloy" });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var error = await SpeechCalls.ReadErrorAsync(response);
        Assert.Equal(("invalid_request_error", "invalid_api_key"), (error.Type, error.Code));
        if (key is not null)
        {
            Assert.DoesNotContain(key, error.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("dev/captioned_speech", "/dev/captioned_speech")]
    [InlineData("v1/audio/captions", "/v1/audio/captions")]
    public async Task A_word_timed_request_is_metered_as_api_usage_of_its_key(string path, string route)
    {
        using var client = server.CreateClient();

        using var response = await client.PostAsJsonAsync(path, new { model = "tts-1", input = "Metered: 😀 once.", voice = "alloy" });
        await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var id = Assert.Single(response.Headers.GetValues("x-request-id"));
        var record = await UsageOfAsync(id);
        Assert.Equal(route, record.Route);
        Assert.Equal(200, record.Status);
        Assert.Equal("static", record.KeyId);
        Assert.Equal("tts-1", record.Model);
        Assert.Equal("local", record.Backend);
        Assert.Equal("Metered: 😀 once.".EnumerateRunes().Count(), record.Characters);
    }

    [Fact]
    public async Task With_the_key_captioned_speech_answers()
    {
        using var client = server.CreateClient();

        using var response = await client.PostAsJsonAsync("dev/captioned_speech", new { model = "flite", input = Input, voice = "slt", stream = false });
        var body = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        Assert.Equal(["Words", "need", "a", "local", "voice"], CaptionedChunk.Parse(body).Timestamps!.Select(w => w.Word));
    }

    private async Task<Orator.Storage.Usage.UsageRecord> UsageOfAsync(string requestId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var records = await server.Server.Storage.Usage.RecentAsync(null, 100, CancellationToken.None);
            if (records.FirstOrDefault(r => r.RequestId == requestId) is { } found)
            {
                return found;
            }

            Assert.True(DateTime.UtcNow < deadline, $"no usage record for {requestId}");
            await Task.Delay(20);
        }
    }
}
