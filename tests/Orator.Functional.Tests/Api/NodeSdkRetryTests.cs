using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Orator.Server.Hosting;

namespace Orator.Functional.Tests.Api;

/// <summary>
/// The real OpenAI Node SDK, with its own retries on, against a key held to one request a minute: the
/// 429 it gets says when the minute ends (<c>Retry-After</c> and <c>retry-after-ms</c>), the SDK waits
/// that long and its retry, in the next minute, gets the audio. Its default back-off (half a second
/// for a first retry) would land in the same minute and fail, so success means the wait was honoured.
/// </summary>
public sealed class NodeSdkRetryTests
{
    private const string AdminKey = "sk-admin-node-retry";

    [Fact]
    public async Task The_node_sdk_retries_a_429_after_the_wait_in_retry_after_ms_and_gets_the_audio()
    {
        var directory = Path.Combine(Path.GetTempPath(), "orator-node-retry-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        await using var server = await OratorServer.StartAsync(["--urls=http://127.0.0.1:0", "--Orator:Workers=1", $"--Orator:AdminKey={AdminKey}",
            $"--Orator:Storage:ConnectionString={Path.Combine(directory, "orator.db")}", "--Orator:Storage:UsageFlushMilliseconds=10"]);
        var baseAddress = new Uri(server.Urls[0].TrimEnd('/') + "/");
        try
        {
            using var admin = new HttpClient { BaseAddress = baseAddress };
            admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminKey);
            using var created = await admin.PostAsJsonAsync("admin/keys", new { name = "one-a-minute", rpm = 1 });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            using var key = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
            var secret = key.RootElement.GetProperty("secret").GetString()!;
            var keyId = key.RootElement.GetProperty("key").GetProperty("id").GetString()!;

            // Late in a minute, so that minute's one request is spent and the next is a few seconds away.
            var now = DateTimeOffset.UtcNow;
            if (now.Second is < 50 or > 53)
            {
                await Task.Delay(TimeSpan.FromSeconds((50 - now.Second + 60) % 60) - TimeSpan.FromMilliseconds(now.Millisecond));
            }

            using var client = new HttpClient { BaseAddress = baseAddress };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
            using (var spend = await client.PostAsJsonAsync("v1/audio/speech", new { model = "tts-1", voice = "alloy", input = "Spend the minute." }))
            {
                Assert.Equal(HttpStatusCode.OK, spend.StatusCode);
            }

            using (var refused = await client.PostAsJsonAsync("v1/audio/speech", new { model = "tts-1", voice = "alloy", input = "Too soon." }))
            {
                Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
                var seconds = refused.Headers.RetryAfter!.Delta!.Value.TotalSeconds;
                Assert.InRange(seconds, 1, 11);
                Assert.Equal((seconds * 1000).ToString(System.Globalization.CultureInfo.InvariantCulture), refused.Headers.GetValues("retry-after-ms").Single());
            }

            var result = await NodeSdkTests.RunNodeScriptAsync("retry.mjs", baseAddress + "v1", secret);

            Assert.True(result.GetProperty("ok").GetBoolean(), result.ToString());
            var records = await server.Storage.Usage.RecentAsync(keyId, 10, CancellationToken.None);
            for (var wait = 0; records.Count < 4 && wait < 100; wait++)
            {
                await Task.Delay(50);
                records = await server.Storage.Usage.RecentAsync(keyId, 10, CancellationToken.None);
            }

            // Ours: 200, 429. The SDK's: 429 in the old minute, then 200 in the new one.
            Assert.Equal([200, 200, 429, 429], records.Select(r => r.Status).Order());
            Assert.True(result.GetProperty("elapsedMs").GetInt32() >= 1000, $"the SDK retried after {result.GetProperty("elapsedMs")} ms");
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
