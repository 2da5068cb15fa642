using System.Text.Json;
using Orator.Functional.Tests.Infrastructure;

namespace Orator.Functional.Tests.Gateway;

/// <summary>
/// A gateway <c>orator serve</c> process whose upstreams live in the file <c>ORATOR_CONFIG</c>
/// names: SIGHUP puts a rewritten file in force (upstreams added, removed), and a file with a
/// problem is refused with the reason logged while the upstreams in force keep serving.
/// </summary>
[Collection(GatewayCollection.Name)]
public sealed class GatewayReloadTests(GatewayFixture fixture)
{
    private const string KeyVariable = "GATEWAY_GPU_KEY";
    private static readonly TimeSpan ReloadWait = TimeSpan.FromSeconds(20);
    private static readonly object Premium = new { model = "premium", voice = "alloy", input = "Reloaded while running.", response_format = "wav" };
    private static readonly object Direct = new { model = "tts-1-hd", voice = "alloy", input = "Reloaded while running.", response_format = "wav" };

    private static Dictionary<string, object> WithUpstream(string baseUrl) => new()
    {
        ["Orator"] = new Dictionary<string, object>
        {
            ["Upstreams"] = new Dictionary<string, object>
            {
                [GatewayServer.UpstreamName] = new { BaseUrl = baseUrl, ApiKeyEnv = KeyVariable, Models = new[] { "premium=tts-1-hd" } },
            },
        },
    };

    private static readonly object WithoutUpstreams = new { Orator = new { Upstreams = new Dictionary<string, object>() } };

    private async Task<OratorServeProcess> StartGatewayAsync(GatewayConfigFile config) =>
        await OratorServeProcess.StartAsync(
            ["--Orator:DisabledEngines:0=flite", "--Orator:DisabledEngines:1=espeak"],
            new Dictionary<string, string> { ["ORATOR_CONFIG"] = config.Path, [KeyVariable] = GatewayKeys.Upstream });

    private static async Task<Dictionary<string, string>> ModelsAsync(HttpClient client)
    {
        using var json = JsonDocument.Parse(await client.GetStringAsync("v1/models"));
        return json.RootElement.GetProperty("data").EnumerateArray().ToDictionary(m => m.GetProperty("id").GetString()!, m => m.GetProperty("owned_by").GetString()!);
    }

    /// <summary>Polls the model list until <paramref name="listed"/> says it is as expected, at most <see cref="ReloadWait"/>.</summary>
    private static async Task<Dictionary<string, string>> ModelsOnceAsync(HttpClient client, Func<Dictionary<string, string>, bool> listed)
    {
        var deadline = DateTime.UtcNow + ReloadWait;
        var models = await ModelsAsync(client);
        while (!listed(models) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
            models = await ModelsAsync(client);
        }

        return models;
    }

    [Fact]
    public async Task Sighup_adds_an_upstream_written_to_the_config_file_and_a_later_sighup_removes_it()
    {
        using var config = new GatewayConfigFile();
        config.Write(WithoutUpstreams);
        await using var gateway = await StartGatewayAsync(config);
        using var client = gateway.CreateClient();
        using var upstream = fixture.CreateUpstreamClient();

        var before = await RelayedSpeech.PostAsync(client, Premium);
        Assert.Equal(404, before.Status);
        Assert.Equal("model_not_found", (await SpeechCalls.ReadErrorAsync(before.Response)).Code);
        Assert.DoesNotContain("premium", (await ModelsAsync(client)).Keys);

        var seen = gateway.Lines.Count;
        config.Write(WithUpstream(new Uri(fixture.Upstream.BaseAddress, "v1").ToString()));
        await gateway.HangUpAsync();
        var added = await ModelsOnceAsync(client, m => m.ContainsKey("premium"));

        Assert.Equal(GatewayServer.UpstreamName, Assert.Contains("premium", added));
        Assert.NotNull(await gateway.WaitForLineAsync(seen, ReloadWait, "Upstreams reloaded: 1 in force; added [gpu]; removed []"));
        var relayed = await RelayedSpeech.PostAsync(client, Premium);
        var direct = await RelayedSpeech.PostAsync(upstream, Direct);
        Assert.Equal(200, relayed.Status);
        Assert.Equal(GatewayServer.UpstreamName, relayed.Header("x-orator-backend"));
        Assert.Equal(direct.Body, relayed.Body);

        seen = gateway.Lines.Count;
        config.Write(WithoutUpstreams);
        await gateway.HangUpAsync();
        var removed = await ModelsOnceAsync(client, m => !m.ContainsKey("premium"));

        Assert.DoesNotContain("premium", removed.Keys);
        Assert.NotNull(await gateway.WaitForLineAsync(seen, ReloadWait, "Upstreams reloaded: 0 in force; added []; removed [gpu]"));
        var after = await RelayedSpeech.PostAsync(client, Premium);
        Assert.Equal(404, after.Status);
        Assert.False(gateway.HasExited, "SIGHUP ended the gateway");
    }

    [Fact]
    public async Task Sighup_with_an_invalid_upstream_keeps_the_upstreams_in_force_and_logs_why()
    {
        using var config = new GatewayConfigFile();
        config.Write(WithUpstream(new Uri(fixture.Upstream.BaseAddress, "v1").ToString()));
        await using var gateway = await StartGatewayAsync(config);
        using var client = gateway.CreateClient();
        using var upstream = fixture.CreateUpstreamClient();
        Assert.Equal(200, (await RelayedSpeech.PostAsync(client, Premium)).Status);

        var seen = gateway.Lines.Count;
        config.Write(WithUpstream("ftp://127.0.0.1/v1"));
        await gateway.HangUpAsync();
        var why = await gateway.WaitForLineAsync(seen, ReloadWait, "Upstream settings not reloaded (the ones in force stay)");

        Assert.NotNull(why);
        Assert.Contains("Orator:Upstreams:gpu:BaseUrl must be an absolute http:// or https:// address (got 'ftp://127.0.0.1/v1')", why, StringComparison.Ordinal);
        Assert.Contains("fail: Orator.Upstreams[6021]", why, StringComparison.Ordinal); // at Error ("fail" in the console's format)
        Assert.Null(await gateway.WaitForLineAsync(seen, TimeSpan.Zero, "Upstreams reloaded"));
        Assert.Equal(GatewayServer.UpstreamName, (await ModelsAsync(client))["premium"]);
        var relayed = await RelayedSpeech.PostAsync(client, Premium);
        var direct = await RelayedSpeech.PostAsync(upstream, Direct);
        Assert.Equal(200, relayed.Status);
        Assert.Equal(GatewayServer.UpstreamName, relayed.Header("x-orator-backend"));
        Assert.Equal(direct.Body, relayed.Body);
    }
}
