using System.Net.Http.Json;
using System.Text.Json;
using Orator.Functional.Tests.Infrastructure;
using Orator.Storage.Usage;

namespace Orator.Functional.Tests.Gateway;

/// <summary>
/// A stored key's model list and character quota hold for models the gateway serves upstream, on
/// SQLite and on PostgreSQL, and its usage records name the upstream that spoke.
/// </summary>
[Collection(GatewayCollection.Name)]
public sealed class GatewayLimitTests(GatewayFixture fixture)
{
    /// <summary>Ten code points: three requests spend a 30-character day.</summary>
    private const string Input = "Ten chars.";

    private static async Task<(string Id, string Secret)> CreateKeyAsync(GatewayServer gateway, object body)
    {
        using var admin = gateway.CreateClient(GatewayKeys.Admin);
        using var response = await admin.PostAsJsonAsync("admin/keys", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == 201, text);
        using var json = JsonDocument.Parse(text);
        return (json.RootElement.GetProperty("key").GetProperty("id").GetString()!, json.RootElement.GetProperty("secret").GetString()!);
    }

    private static async Task<List<UsageRecord>> UsageOfAsync(GatewayServer gateway, string keyId, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        IReadOnlyList<UsageRecord> records;
        do
        {
            records = await gateway.Server.Storage.Usage.RecentAsync(keyId, 50, CancellationToken.None);
            if (records.Count >= count)
            {
                break;
            }

            await Task.Delay(100);
        }
        while (DateTime.UtcNow < deadline);
        return [.. records.OrderBy(r => r.Time)];
    }

    [Theory]
    [InlineData(GatewayDatabase.Sqlite)]
    [InlineData(GatewayDatabase.Postgres)]
    public async Task A_stored_keys_quota_is_spent_by_upstream_requests_and_then_refused_as_insufficient_quota(GatewayDatabase database)
    {
        var gateway = await fixture.GatewayOnAsync(database);
        Assert.Equal(database == GatewayDatabase.Postgres ? "postgres" : "sqlite", gateway.Server.Storage.Provider);
        var (id, secret) = await CreateKeyAsync(gateway, new { name = "gateway-quota", models = new[] { "premium" }, chars_per_day = 30 });
        using var client = gateway.CreateClient(secret);
        // PCM, whose length the gateway measures as it relays (docs/architecture/speech-core.md: the
        // other formats' durations wait for the encoded-duration meter).
        var body = new { model = "premium", voice = "narrator", input = Input, response_format = "pcm" };

        var spent = new List<RelayedSpeech>();
        for (var i = 0; i < 3; i++)
        {
            spent.Add(await RelayedSpeech.PostAsync(client, body));
        }

        var refused = await RelayedSpeech.PostAsync(client, body);

        Assert.All(spent, s => Assert.Equal(200, s.Status));
        Assert.All(spent, s => Assert.Equal(GatewayServer.UpstreamName, s.Header("x-orator-backend")));
        Assert.True(spent[0].Body.Length > 24_000, $"{spent[0].Body.Length} bytes");
        Assert.Equal(["20", "10", "0"], spent.Select(s => s.Header("x-ratelimit-remaining-characters")));
        Assert.Equal(429, refused.Status);
        var error = await SpeechCalls.ReadErrorAsync(refused.Response);
        Assert.Equal(("insufficient_quota", "insufficient_quota", (string?)null), (error.Type, error.Code, error.Param));
        Assert.Contains("characters per day are used up", error.Message, StringComparison.Ordinal);
        Assert.Equal("30", refused.Header("x-ratelimit-limit-characters"));
        Assert.Equal("0", refused.Header("x-ratelimit-remaining-characters"));

        var records = await UsageOfAsync(gateway, id, 4);
        Assert.Equal([200, 200, 200, 429], records.Select(r => r.Status));
        Assert.All(records.Take(3), r =>
        {
            Assert.Equal(GatewayServer.UpstreamName, r.Backend);
            Assert.Equal("premium", r.Model);
            Assert.Equal("upstream", r.Engine);
            Assert.Equal("pcm", r.Format);
            Assert.Equal(Input.Length, r.Characters);
            Assert.True(r.TimeToFirstByteMs > 0, $"time to first byte {r.TimeToFirstByteMs}");
            // 16-bit mono at 24 kHz.
            Assert.Equal(spent[0].Body.Length / 48_000.0, r.AudioSeconds, 3);
        });
        // Refused before any backend: no characters, no backend.
        Assert.Equal((0L, (string?)null, (double?)null), (records[3].Characters, records[3].Backend, records[3].TimeToFirstByteMs));

        using var admin = gateway.CreateClient(GatewayKeys.Admin);
        using var byBackend = JsonDocument.Parse(await admin.GetStringAsync($"admin/usage?by=backend&key={id}"));
        var row = byBackend.RootElement.GetProperty("data").EnumerateArray().Single(r => r.GetProperty("group").GetString() == GatewayServer.UpstreamName);
        Assert.Equal((3, 30, 0), (row.GetProperty("requests").GetInt64(), row.GetProperty("characters").GetInt64(), row.GetProperty("errors").GetInt64()));
    }

    [Theory]
    [InlineData(GatewayDatabase.Sqlite)]
    [InlineData(GatewayDatabase.Postgres)]
    public async Task A_stored_keys_model_list_admits_its_upstream_model_and_refuses_another_upstream_model_with_403(GatewayDatabase database)
    {
        var gateway = await fixture.GatewayOnAsync(database);
        var (id, secret) = await CreateKeyAsync(gateway, new { name = "gateway-models", models = new[] { "premium" }, chars_per_day = 1000 });
        using var client = gateway.CreateClient(secret);

        var allowed = await RelayedSpeech.PostAsync(client, new { model = "premium", voice = "alloy", input = Input, response_format = "wav" });
        var notAllowed = await RelayedSpeech.PostAsync(client, new { model = "tts-1", voice = "alloy", input = Input, response_format = "wav" });
        var allowedAgain = await RelayedSpeech.PostAsync(client, new { model = "premium", voice = "alloy", input = Input, response_format = "wav" });

        Assert.Equal(200, allowed.Status);
        Assert.Equal(GatewayServer.UpstreamName, allowed.Header("x-orator-backend"));
        Assert.Equal(403, notAllowed.Status);
        var error = await SpeechCalls.ReadErrorAsync(notAllowed.Response);
        Assert.Equal(("invalid_request_error", "model", "model_not_allowed"), (error.Type, error.Param, error.Code));
        Assert.Null(notAllowed.Header("x-orator-backend"));
        // The refusal came before any work and spent nothing.
        Assert.Equal(200, allowedAgain.Status);
        Assert.Equal(["990", "980"], new[] { allowed, allowedAgain }.Select(a => a.Header("x-ratelimit-remaining-characters")));
        Assert.Equal(allowed.Body, allowedAgain.Body);

        // Matched by request id: two requests can arrive within the same millisecond, so time does not order them.
        var records = await UsageOfAsync(gateway, id, 3);
        var byRequest = new[] { allowed, notAllowed, allowedAgain }.Select(a => records.Single(r => r.RequestId == a.Header("x-request-id"))).ToList();
        Assert.Equal(
            [(200, GatewayServer.UpstreamName, (long)Input.Length), (403, null, 0L), (200, GatewayServer.UpstreamName, (long)Input.Length)],
            byRequest.Select(r => (r.Status, r.Backend, r.Characters)));
        Assert.Equal("tts-1", byRequest[1].Model);
    }
}
