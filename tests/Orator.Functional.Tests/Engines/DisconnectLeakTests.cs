using System.Net.Http.Json;
using Orator.Audio.Pipeline;
using Orator.Functional.Tests.Infrastructure;

namespace Orator.Functional.Tests.Engines;

public sealed class DisconnectLeakTests(IsolatedServerFixture server) : IClassFixture<IsolatedServerFixture>
{
    private static readonly string LongText = string.Join(' ', Enumerable.Repeat("Clients come and go in the middle of long answers.", 40));

    [Theory]
    [InlineData("mp3")]
    [InlineData("opus")]
    [InlineData("aac")]
    [InlineData("flac")]
    [InlineData("wav")]
    public async Task Clients_leaving_mid_stream_leave_no_audio_stream_or_encoder_behind(string format)
    {
        using var client = server.CreateClient();
        Assert.Equal(0, await SettledLiveCountAsync(0));

        // A first round warms up what is allocated once (pools, Kestrel buffers, codec tables),
        // so the measured round shows only what each abandoned stream would leave behind.
        await AbandonStreamsAsync(client, format, 10);
        Assert.Equal(0, await SettledLiveCountAsync(0));
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var memoryBefore = Environment.WorkingSet;

        await AbandonStreamsAsync(client, format, 40);

        Assert.Equal(0, await SettledLiveCountAsync(0));
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var growth = (Environment.WorkingSet - memoryBefore) / (1024.0 * 1024.0);
        Assert.True(growth < 40, $"working set grew by {growth:F1} MB over 40 abandoned {format} streams");

        // The workers are all free again.
        var wav = await client.SpeakAsync(new { model = "tts-1", input = "Next.", voice = "alloy", response_format = "wav" });
        Assert.True(wav.Length > 44);
    }

    private static async Task AbandonStreamsAsync(HttpClient client, string format, int count)
    {
        for (var i = 0; i < count; i++)
        {
            using var cts = new CancellationTokenSource();
            using var request = new HttpRequestMessage(HttpMethod.Post, "v1/audio/speech")
            {
                Content = JsonContent.Create(new { model = "tts-1", input = LongText, voice = "alloy", response_format = format }),
            };
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cts.Token);
            var stream = await response.Content.ReadAsStreamAsync(cts.Token);
            var buffer = new byte[i % 2 == 0 ? 1 : 5000];
            await stream.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cts.Token);
            await cts.CancelAsync();
        }
    }

    private static async Task<long> SettledLiveCountAsync(long target)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (AudioPipeline.LiveCount != target && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        return AudioPipeline.LiveCount;
    }
}
