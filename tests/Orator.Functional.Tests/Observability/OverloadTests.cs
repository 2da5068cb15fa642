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
    public async Task A_refusal_says_when_to_retry_in_seconds_and_in_milliseconds()
    {
        using var client = server.CreateClient();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var body = new { model = "tts-1", input = LongText, voice = "alloy", response_format = "pcm", speed = 0.25 };

        // One speaking, MaxQueued waiting, the rest refused at once; the admitted ones are dropped once a refusal is in.
        var calls = Enumerable.Range(0, 3 + SmallQueueServerFixture.MaxQueued).Select(_ => client.SendAsync(
            new HttpRequestMessage(HttpMethod.Post, "v1/audio/speech") { Content = System.Net.Http.Json.JsonContent.Create(body) },
            HttpCompletionOption.ResponseHeadersRead,
            stop.Token)).ToList();
        (TimeSpan? RetryAfter, string[] RetryAfterMs)? refused = null;
        var pending = calls.ToList();
        while (refused is null && pending.Count > 0)
        {
            var done = await Task.WhenAny(pending);
            pending.Remove(done);
            if (done.Result.StatusCode == HttpStatusCode.ServiceUnavailable)
            {
                refused = (done.Result.Headers.RetryAfter?.Delta, done.Result.Headers.TryGetValues("retry-after-ms", out var ms) ? [.. ms] : []);
            }
        }

        await stop.CancelAsync();
        foreach (var call in calls)
        {
            try
            {
                (await call).Dispose();
            }
            catch (OperationCanceledException)
            {
                // An admitted request, dropped.
            }
        }

        Assert.NotNull(refused);
        var seconds = (long)refused.Value.RetryAfter!.Value.TotalSeconds;
        Assert.True(seconds >= 1);
        Assert.Equal((seconds * 1000).ToString(System.Globalization.CultureInfo.InvariantCulture), Assert.Single(refused.Value.RetryAfterMs));

        // The dropped requests leave the worker and the queue as they were.
        var idle = System.Diagnostics.Stopwatch.StartNew();
        while (server.Server.Engines.Pool!.Waiting > 0 && idle.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(100);
        }

        var wav = await client.SpeakAsync(new { model = "tts-1", input = "Still here.", voice = "alloy", response_format = "wav" });
        Assert.True((await AudioProbe.ProbeAsync(wav)).Rms > 0.01);
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
