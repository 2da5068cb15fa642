using Orator.Functional.Tests.Infrastructure;

namespace Orator.Functional.Tests.Gateway;

/// <summary>
/// Two keys, two hops: the client's key (A) opens the gateway only, and the gateway presents its
/// own key (B) upstream. A wrong upstream key is the operator's problem: the client is told to come
/// back later (503), the operator is told loudly why, and no key is ever written anywhere.
/// </summary>
[Collection(GatewayCollection.Name)]
public sealed class GatewayKeyTests(GatewayFixture fixture)
{
    private static readonly object Speech = new { model = "tts-1", voice = "alloy", input = "Keys stay where they belong.", response_format = "mp3" };

    private static readonly object StaleSpeech = new { model = "stale", voice = "alloy", input = "Keys stay where they belong.", response_format = "mp3" };

    [Fact]
    public async Task Key_a_opens_the_gateway_and_only_key_b_opens_the_upstream()
    {
        using var gatewayWithA = fixture.Gateway.CreateClient(GatewayKeys.Client);
        using var gatewayWithB = fixture.Gateway.CreateClient(GatewayKeys.Upstream);
        using var upstreamWithA = fixture.Upstream.CreateClient(GatewayKeys.Client);
        using var upstreamWithB = fixture.CreateUpstreamClient();

        var relayed = await RelayedSpeech.PostAsync(gatewayWithA, Speech);
        var gatewayRefusesB = await RelayedSpeech.PostAsync(gatewayWithB, Speech);
        var upstreamRefusesA = await RelayedSpeech.PostAsync(upstreamWithA, Speech);
        var direct = await RelayedSpeech.PostAsync(upstreamWithB, Speech);

        // Had the gateway passed key A on, the upstream would have refused it as it does here.
        Assert.Equal(200, relayed.Status);
        Assert.Equal(GatewayServer.UpstreamName, relayed.Header("x-orator-backend"));
        Assert.Equal(401, upstreamRefusesA.Status);
        Assert.Equal(401, gatewayRefusesB.Status);
        Assert.Equal(200, direct.Status);
        Assert.Equal(direct.Body, relayed.Body);
    }

    [Fact]
    public async Task A_wrong_upstream_key_is_a_503_for_the_client_and_an_error_log_for_the_operator()
    {
        using var gateway = fixture.Gateway.CreateClient();
        int Loud() => fixture.Gateway.Logs.Entries.Count(e => e.StartsWith("Error Orator.Upstreams[6003]", StringComparison.Ordinal));
        var before = Loud();

        var first = await RelayedSpeech.PostAsync(gateway, StaleSpeech);
        var afterFirst = Loud();
        var again = await RelayedSpeech.PostAsync(gateway, StaleSpeech);
        var afterAgain = Loud();

        foreach (var refused in new[] { first, again })
        {
            Assert.Equal(503, refused.Status);
            Assert.Equal("application/json", refused.ContentType);
            var error = await SpeechCalls.ReadErrorAsync(refused.Response);
            Assert.Equal(("server_error", "backends_unavailable"), (error.Type, error.Code));
            Assert.Contains("'stale'", error.Message, StringComparison.Ordinal);
            Assert.True(int.Parse(refused.Header("Retry-After")!, System.Globalization.CultureInfo.InvariantCulture) >= 1);
            Assert.Null(refused.Header("x-orator-backend"));
        }

        // Said at Error when the upstream refuses the key (by this test's first call, or an earlier
        // test's while the upstream is still left out), and not again for the requests that follow:
        // the refused key leaves the upstream out (its circuit open) instead of being tried on each.
        Assert.InRange(afterFirst - before, 0, 1);
        Assert.True(afterFirst >= 1, "no error was logged for the refused key");
        Assert.Equal(afterFirst, afterAgain);
        var loud = fixture.Gateway.Logs.Entries.Last(e => e.StartsWith("Error Orator.Upstreams[6003]", StringComparison.Ordinal));
        Assert.Contains($"Upstream {GatewayServer.StaleUpstreamName} refused Orator's key for it with HTTP 401 (key from: configured)", loud, StringComparison.Ordinal);
        Assert.Contains("Check its ApiKey or ApiKeyEnv", loud, StringComparison.Ordinal);
        Assert.DoesNotContain(fixture.Gateway.Logs.Entries, e => e.Contains($"Upstream {GatewayServer.UpstreamName} refused Orator's key", StringComparison.Ordinal));
    }

    [Fact]
    public async Task No_key_appears_in_any_log_line_response_header_or_body()
    {
        using var gateway = fixture.Gateway.CreateClient();
        using var unknownKey = fixture.Gateway.CreateClient("sk-not-a-key-of-this-gateway-000");
        using var upstream = fixture.CreateUpstreamClient();
        using var upstreamWithA = fixture.Upstream.CreateClient(GatewayKeys.Client);

        RelayedSpeech[] answers =
        [
            await RelayedSpeech.PostAsync(gateway, Speech),
            await RelayedSpeech.PostAsync(gateway, new { model = "premium", voice = "narrator", input = "Another hop.", response_format = "wav", stream_format = "sse" }),
            await RelayedSpeech.PostAsync(gateway, StaleSpeech),
            await RelayedSpeech.PostAsync(gateway, new { model = "tts-1", voice = "nobody-here", input = "A refused voice.", response_format = "mp3" }),
            await RelayedSpeech.PostAsync(unknownKey, Speech),
            await RelayedSpeech.PostAsync(upstream, Speech),
            await RelayedSpeech.PostAsync(upstreamWithA, Speech),
        ];

        Assert.Equal([200, 200, 503, 400, 401, 200, 401], answers.Select(a => a.Status));
        var upstreamLines = fixture.Upstream.Lines;
        var gatewayEntries = fixture.Gateway.Logs.Entries.ToList();
        // The logs are not empty: the check reads what was written about these very requests.
        Assert.Contains(gatewayEntries, e => e.Contains($"from upstream {GatewayServer.UpstreamName}", StringComparison.Ordinal));
        Assert.Contains(upstreamLines, l => l.Contains("/v1/audio/speech", StringComparison.Ordinal));
        foreach (var key in GatewayKeys.All)
        {
            Assert.DoesNotContain(answers, a => a.Everything.Contains(key, StringComparison.Ordinal));
            Assert.DoesNotContain(gatewayEntries, e => e.Contains(key, StringComparison.Ordinal));
            Assert.DoesNotContain(upstreamLines, l => l.Contains(key, StringComparison.Ordinal));
        }
    }
}
