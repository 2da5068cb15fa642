using System.Text.Json;

namespace Orator.Cli.Tests.Upstreams;

[Collection(GatewayServerCollection.Name)]
public sealed class UpstreamsCheckCommandTests(GatewayServerFixture server)
{
    [Fact]
    public async Task A_reachable_upstream_answers_ok_with_audio_bytes_and_a_first_byte_time()
    {
        var run = await InProcessCli.RunAsync(["upstreams", "check", "--json", .. Loop(GatewayServerFixture.Key)]);

        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        using var json = JsonDocument.Parse(run.Output);
        Assert.True(json.RootElement.GetProperty("ok").GetBoolean());
        Assert.Equal("Hello.", json.RootElement.GetProperty("text").GetString());
        var probe = json.RootElement.GetProperty("upstreams").EnumerateArray().Single();
        Assert.Equal("loop", probe.GetProperty("name").GetString());
        Assert.Equal("tts-1", probe.GetProperty("model").GetString());
        Assert.Equal("alloy", probe.GetProperty("voice").GetString());
        Assert.Equal("ok", probe.GetProperty("result").GetString());
        Assert.Equal(200, probe.GetProperty("status").GetInt32());
        Assert.True(probe.GetProperty("bytes").GetInt64() > 0);
        Assert.True(probe.GetProperty("first_byte_ms").GetInt64() >= 0);
        Assert.DoesNotContain(GatewayServerFixture.Key, run.Everything, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_first_configured_voice_is_asked_for_and_the_table_shows_it_mapped()
    {
        var run = await InProcessCli.RunAsync(["upstreams", "check", "--text", "Hi.", .. Loop(GatewayServerFixture.Key), "--Orator:Upstreams:loop:Voices:narrator=nova"]);

        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        Assert.Matches(@"(?m)^NAME\s+MODEL\s+VOICE\s+RESULT\s+FIRST BYTE\s+BYTES\s+DETAIL$", run.Output);
        Assert.Matches(@"(?m)^loop\s+tts-1\s+narrator=nova\s+ok\s+\d+ ms\s+[1-9]\d*$", run.Output);
        Assert.Contains("1 of 1 upstream(s) answered with audio.", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_the_named_upstreams_are_checked_and_a_refused_address_exits_1()
    {
        var down = GatewayServerFixture.Upstream("down", $"http://127.0.0.1:{LoopbackPorts.Refused()}", "tts-1");

        var run = await InProcessCli.RunAsync(["upstreams", "check", "down", .. down, .. Loop(GatewayServerFixture.Key)]);

        Assert.Equal(1, run.ExitCode);
        Assert.Matches(@"(?m)^down\s+tts-1\s+alloy\s+refused\s+-\s+0\s+Upstream 'down' could not be reached: ", run.Output);
        Assert.DoesNotMatch(@"(?m)^loop\s", run.Output);
        Assert.Contains("0 of 1 upstream(s) answered with audio.", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_key_is_unauthorized_and_never_printed()
    {
        const string wrong = "sk-cli-tests-wrong-9876543210";

        var run = await InProcessCli.RunAsync(["upstreams", "check", .. Loop(wrong)]);

        Assert.Equal(1, run.ExitCode);
        Assert.Matches(@"(?m)^loop\s+tts-1\s+alloy\s+unauthorized\s+-\s+0\s+Upstream 'loop' refused Orator's key for it \(HTTP 401\)", run.Output);
        Assert.DoesNotContain(wrong, run.Everything, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_upstream_that_echoes_the_key_has_it_kept_out_of_every_line()
    {
        const string key401 = "sk-echoed-in-a-401-1111";
        const string key400 = "sk-echoed-in-a-400-2222";
        await using var echo = await EchoingUpstream.StartAsync();

        var run = await InProcessCli.RunAsync(["upstreams", "check",
            .. GatewayServerFixture.Upstream("refuses", echo.BaseUrl, EchoingUpstream.UnauthorizedModel, $"--Orator:Upstreams:refuses:ApiKey={key401}"),
            .. GatewayServerFixture.Upstream("rejects", echo.BaseUrl, "tts-1", $"--Orator:Upstreams:rejects:ApiKey={key400}")]);

        Assert.Equal(1, run.ExitCode);
        Assert.Matches(@"(?m)^refuses\s+needs-key\s+alloy\s+unauthorized\s", run.Output);
        // A 4xx that is the caller's fault shows the upstream's own words, the key replaced.
        Assert.Matches(@"(?m)^rejects\s+tts-1\s+alloy\s+client_error\s+-\s+0\s+Voice not available for key \*\*\*\.$", run.Output);
        Assert.DoesNotContain("Incorrect API key provided", run.Everything, StringComparison.Ordinal);
        Assert.DoesNotContain(key401, run.Everything, StringComparison.Ordinal);
        Assert.DoesNotContain(key400, run.Everything, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_name_exits_2_naming_the_configured_ones()
    {
        var run = await InProcessCli.RunAsync(["upstreams", "check", "nope", .. Loop(GatewayServerFixture.Key)]);

        Assert.Equal(2, run.ExitCode);
        Assert.Empty(run.Output);
        Assert.Equal("error: no upstream named 'nope' (configured: loop).", run.Error.Trim());
    }

    private string[] Loop(string key) => GatewayServerFixture.Upstream("loop", server.BaseUrl, "tts-1", $"--Orator:Upstreams:loop:ApiKey={key}");
}
