using System.Net.Http.Json;
using Orator.Audio.Pipeline;
using Orator.Functional.Tests.Infrastructure;
using Orator.Functional.Tests.Observability;

namespace Orator.Functional.Tests.Captions;

/// <summary>
/// A client that leaves in the middle of a word-timed stream (SSE words, captioned JSON lines)
/// stops the engines as a plain stream does, leaves no stream behind, and the next requests work.
/// </summary>
public sealed class WordTimedClientGoneTests(IsolatedServerFixture server) : IClassFixture<IsolatedServerFixture>
{
    private static readonly string LongText = string.Join(' ', Enumerable.Repeat("A listener walks away before the words are done, and the server carries on.", 30));

    public static TheoryData<string, object> Streams() => new()
    {
        { "v1/audio/speech", new { model = "tts-1", input = LongText, voice = "alloy", response_format = "mp3", stream_format = "sse", timestamps = true, speed = 0.5 } },
        { "dev/captioned_speech", new { model = "tts-1", input = LongText, voice = "alloy", response_format = "pcm", speed = 0.5 } },
        { "v1/audio/captions", new { model = "tts-1", input = LongText, voice = "alloy", response_format = "srt", speed = 0.5 } },
    };

    [Theory]
    [MemberData(nameof(Streams))]
    public async Task A_client_leaving_a_word_timed_stream_stops_the_work_and_the_next_requests_are_served(string path, object body)
    {
        using var client = server.CreateClient();
        var pids = server.Server.Engines.Pool!.ProcessIds;
        var restarts = server.Server.Engines.Pool.Restarts;
        using (var cts = new CancellationTokenSource())
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
            if (path == "v1/audio/captions")
            {
                // Captions come whole at the end: leave while the render is still going.
                var pending = client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cts.Token);
                await Task.Delay(700);
                Assert.False(pending.IsCompleted, "the captions of a long text came back before the client left");
                await cts.CancelAsync();
                await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pending);
            }
            else
            {
                using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cts.Token);
                Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
                var stream = await response.Content.ReadAsStreamAsync(cts.Token);
                var buffer = new byte[8192];
                Assert.True(await stream.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cts.Token) > 0);
                await cts.CancelAsync();
            }
        }

        // Kestrel learns of the disconnect on its next write (or at once for captions, which write nothing until the end).
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while ((PrometheusText.Parse(await client.GetStringAsync("metrics")).Sum("orator_active_streams") > 0 || AudioPipeline.LiveCount > 0) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        Assert.Equal(0, AudioPipeline.LiveCount);
        await Task.Delay(200);
        var before = ProcessCpu.Ticks(pids);
        await Task.Delay(1500);
        Assert.True(ProcessCpu.Ticks(pids) - before <= 10, "the workers kept rendering after the client left");

        // The same worker serves word-timed and plain requests next, without a restart.
        var timed = TimedSse.Parse(await client.SpeakAsync(new { model = "tts-1", input = "Still here.", voice = "alloy", stream_format = "sse", timestamps = true }));
        Assert.Equal(["Still", "here"], timed.Words.Select(w => w.Word));
        var wav = await client.SpeakAsync(new { model = "tts-1", input = "Still here.", voice = "alloy", response_format = "wav" });
        Assert.True((await AudioProbe.ProbeAsync(wav)).DecodedSeconds > 0.3);
        Assert.Equal(restarts, server.Server.Engines.Pool.Restarts);
    }
}
