using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Orator.Cli.Tests.Upstreams;

[Collection(GatewayServerCollection.Name)]
public sealed class UpstreamsListCommandTests(GatewayServerFixture server)
{
    private const string EnvironmentKey = "sk-from-the-environment-4242";
    private const string ConfiguredKey = "sk-configured-in-a-file-9191";

    [Fact]
    public async Task Each_upstream_is_a_row_that_says_where_its_key_comes_from_and_never_the_key()
    {
        var variable = "ORATOR_CLI_TEST_KEY_" + Guid.NewGuid().ToString("N");
        Environment.SetEnvironmentVariable(variable, EnvironmentKey);
        try
        {
            var run = await InProcessCli.RunAsync(["upstreams", "list", .. TwoUpstreams(variable), "--Orator:LocalPriority=50"]);

            Assert.True(run.ExitCode == 0, run.Error);
            Assert.Matches(@"(?m)^NAME\s+BASE URL\s+MODELS\s+PRIORITY\s+TIMEOUT\s+MAX CONCURRENCY\s+KEY\s+STATE\s+IN FLIGHT$", run.Output);
            Assert.Matches(@"(?m)^gpu\s+http://gpu-box:8000/v1\s+kokoro\s+10\s+10 s\s+no limit\s+configured\s+no --server\s+-$", run.Output);
            Assert.Matches($@"(?m)^openai\s+https://api\.openai\.com/v1\s+tts-1, premium=tts-1-hd\s+5\s+2\.5 s\s+4\s+env {variable}\s+no --server\s+-$", run.Output);
            Assert.Contains("Local engines: priority 50 (Orator:LocalPriority)", run.Output, StringComparison.Ordinal);
            Assert.DoesNotContain(EnvironmentKey, run.Everything, StringComparison.Ordinal);
            Assert.DoesNotContain(ConfiguredKey, run.Everything, StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }

    [Fact]
    public async Task Json_has_the_same_fields_and_no_key()
    {
        var variable = "ORATOR_CLI_TEST_KEY_" + Guid.NewGuid().ToString("N");
        Environment.SetEnvironmentVariable(variable, EnvironmentKey);
        try
        {
            var run = await InProcessCli.RunAsync(["upstreams", "list", "--json", .. TwoUpstreams(variable)]);

            Assert.True(run.ExitCode == 0, run.Error);
            using var json = JsonDocument.Parse(run.Output);
            Assert.Equal(100, json.RootElement.GetProperty("local_priority").GetInt32());
            Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("server").ValueKind);
            var openai = json.RootElement.GetProperty("upstreams").EnumerateArray().Single(u => u.GetProperty("name").GetString() == "openai");
            Assert.Equal("https://api.openai.com/v1", openai.GetProperty("base_url").GetString());
            Assert.Equal(["tts-1=tts-1", "premium=tts-1-hd"], openai.GetProperty("models").EnumerateArray().Select(m => $"{m.GetProperty("id")}={m.GetProperty("upstream")}"));
            Assert.Equal(5, openai.GetProperty("priority").GetInt32());
            Assert.Equal(2.5, openai.GetProperty("timeout_seconds").GetDouble());
            Assert.Equal(4, openai.GetProperty("max_concurrency").GetInt32());
            Assert.Equal($"env {variable}", openai.GetProperty("key_source").GetString());
            Assert.Equal(JsonValueKind.Null, openai.GetProperty("state").ValueKind);
            Assert.DoesNotContain(EnvironmentKey, run.Everything, StringComparison.Ordinal);
            Assert.DoesNotContain(ConfiguredKey, run.Everything, StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }

    [Fact]
    public async Task An_unusable_upstream_configuration_prints_every_problem_and_exits_2()
    {
        var unset = "ORATOR_CLI_TEST_UNSET_" + Guid.NewGuid().ToString("N");

        var run = await InProcessCli.RunAsync(["upstreams", "list",
            "--Orator:Upstreams:local:BaseUrl=ftp://files.example", "--Orator:Upstreams:local:Models:0=tts-1",
            "--Orator:Upstreams:nokey:BaseUrl=http://gpu-box:8000", "--Orator:Upstreams:nokey:Models:0=tts-1", $"--Orator:Upstreams:nokey:ApiKeyEnv={unset}"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Empty(run.Output);
        Assert.Contains("error: Orator:Upstreams:local: an upstream's name", run.Error, StringComparison.Ordinal);
        Assert.Contains("error: Orator:Upstreams:local:BaseUrl must be an absolute http:// or https:// address", run.Error, StringComparison.Ordinal);
        Assert.Contains($"error: Orator:Upstreams:nokey:ApiKeyEnv names the environment variable {unset}, which is not set.", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_server_each_upstream_shows_its_circuit_and_in_flight_requests_there()
    {
        // One failed request opens the server's circuit of its dead upstream (FailureThreshold 1).
        using (var http = new HttpClient())
        using (var request = new HttpRequestMessage(HttpMethod.Post, server.BaseUrl + "/v1/audio/speech"))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", GatewayServerFixture.Key);
            request.Content = new StringContent($$"""{"model":"{{GatewayServerFixture.DeadModel}}","input":"Hello.","voice":"alloy"}""", Encoding.UTF8, "application/json");
            using var response = await http.SendAsync(request);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        }

        string[] configuration = [.. server.DeadUpstreamArguments, .. GatewayServerFixture.Upstream("elsewhere", "http://gpu-box:8000", "kokoro")];
        var table = await InProcessCli.RunAsync(["upstreams", "list", "--server", server.BaseUrl, .. configuration]);
        var json = await InProcessCli.RunAsync(["upstreams", "list", "--server", server.BaseUrl, "--json", .. configuration]);

        Assert.True(table.ExitCode == 0, table.Error);
        Assert.Matches(@"(?m)^dead\s+http://127\.0\.0\.1:\d+/v1\s+remote-only\s+10\s+10 s\s+no limit\s+none\s+open\s+0$", table.Output);
        Assert.Matches(@"(?m)^elsewhere\s.*\snot-on-server\s+-$", table.Output);
        Assert.Contains($"State: from {server.BaseUrl}/metrics.", table.Output, StringComparison.Ordinal);
        Assert.True(json.ExitCode == 0, json.Error);
        using var document = JsonDocument.Parse(json.Output);
        var dead = document.RootElement.GetProperty("upstreams").EnumerateArray().Single(u => u.GetProperty("name").GetString() == GatewayServerFixture.DeadUpstream);
        Assert.Equal("open", dead.GetProperty("state").GetString());
        Assert.Equal(0, dead.GetProperty("in_flight").GetInt32());
    }

    [Fact]
    public async Task A_server_that_cannot_be_read_exits_1_with_the_reason()
    {
        var address = $"http://127.0.0.1:{LoopbackPorts.Refused()}";

        var run = await InProcessCli.RunAsync(["upstreams", "list", "--server", address, .. GatewayServerFixture.Upstream("gpu", "http://gpu-box:8000", "kokoro")]);

        Assert.Equal(1, run.ExitCode);
        Assert.Empty(run.Output);
        Assert.StartsWith($"error: cannot read the upstreams' state from {address}/metrics: ", run.Error, StringComparison.Ordinal);
    }

    private static string[] TwoUpstreams(string keyVariable) =>
    [
        .. GatewayServerFixture.Upstream("openai", "https://api.openai.com", "tts-1",
            "--Orator:Upstreams:openai:Models:1=premium=tts-1-hd", $"--Orator:Upstreams:openai:ApiKeyEnv={keyVariable}",
            "--Orator:Upstreams:openai:Priority=5", "--Orator:Upstreams:openai:TimeoutSeconds=2.5", "--Orator:Upstreams:openai:MaxConcurrency=4"),
        .. GatewayServerFixture.Upstream("gpu", "http://gpu-box:8000/v1", "kokoro", $"--Orator:Upstreams:gpu:ApiKey={ConfiguredKey}"),
    ];
}
