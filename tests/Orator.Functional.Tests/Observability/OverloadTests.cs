using System.Net;
using Orator.Functional.Tests.Infrastructure;

namespace Orator.Functional.Tests.Observability;

public sealed class OverloadTests(SmallQueueServerFixture server) : IClassFixture<SmallQueueServerFixture>
{
    // A long first sentence keeps each request waiting for its first audio for a while.
    private static readonly string LongText = string.Join(' ', Enumerable.Repeat(
        "This rather long opening sentence, with its many clauses and its slow and winding words, keeps the single engine worker busy for a good while before anyone hears it.", 4));

    [Fact]
    public async Task A_full_queue_refuses_at_once_with_503_and_everyone_admitted_gets_whole_audio()
    {
        using var client = server.CreateClient();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var body = new { model = "tts-1", input = LongText, voice = "alloy", response_format = "wav", speed = 0.25 };

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            using var response = await client.PostSpeechAsync(body, deadline.Token);
            var bytes = await response.Content.ReadAsByteArrayAsync(deadline.Token);
            return (response.StatusCode, RetryAfter: response.Headers.RetryAfter?.Delta, Bytes: bytes, Error: response.IsSuccessStatusCode ? default : await SpeechCalls.ReadErrorAsync(response));
        }));

        var refused = responses.Where(r => r.StatusCode == HttpStatusCode.ServiceUnavailable).ToList();
        var served = responses.Where(r => r.StatusCode == HttpStatusCode.OK).ToList();
        Assert.Equal(8, refused.Count + served.Count);
        Assert.NotEmpty(refused);
        Assert.True(served.Count >= 1 + SmallQueueServerFixture.MaxQueued, $"only {served.Count} served");
        foreach (var r in refused)
        {
            Assert.NotNull(r.RetryAfter);
            Assert.True(r.RetryAfter!.Value.TotalSeconds >= 1);
            Assert.Equal("server_error", r.Error.Type);
            Assert.Equal("overloaded", r.Error.Code);
        }

        foreach (var r in served)
        {
            var audio = await AudioProbe.ProbeAsync(r.Bytes);
            Assert.Equal(string.Empty, audio.DecoderErrors);
            Assert.True(audio.DecodedSeconds > 10, $"only {audio.DecodedSeconds:F1} s of audio");
        }

        // Afterwards the server is idle again and answers as usual.
        var wav = await client.SpeakAsync(new { model = "tts-1", input = "Still here.", voice = "alloy", response_format = "wav" });
        Assert.True((await AudioProbe.ProbeAsync(wav)).Rms > 0.01);
        Assert.Equal(0, server.Server.Engines.Pool!.Waiting);
    }

    [Fact]
    public async Task Refusals_are_counted_as_503_in_the_metrics()
    {
        using var client = server.CreateClient();
        var before = PrometheusText.Parse(await client.GetStringAsync("metrics"));
        var body = new { model = "tts-1", input = LongText, voice = "alloy", response_format = "pcm" };

        var statuses = await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            using var response = await client.PostSpeechAsync(body);
            await response.Content.ReadAsByteArrayAsync();
            return response.StatusCode;
        }));

        var after = PrometheusText.Parse(await client.GetStringAsync("metrics"));
        (string, string)[] refused = [("route", "/v1/audio/speech"), ("status", "503")];
        Assert.Equal(
            statuses.Count(s => s == HttpStatusCode.ServiceUnavailable),
            after.Sum("orator_requests_total", refused) - before.Sum("orator_requests_total", refused));
        Assert.Contains(HttpStatusCode.ServiceUnavailable, statuses);
    }
}
