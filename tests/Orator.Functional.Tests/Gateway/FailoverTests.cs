using System.Net;
using System.Text;
using System.Text.Json;
using Orator.Functional.Tests.Infrastructure;

namespace Orator.Functional.Tests.Gateway;

/// <summary>
/// Every failover path against real loopback upstreams that misbehave on command: which backend
/// served, what the client got, what the metrics and usage recorded, and that no key leaked.
/// </summary>
public sealed class FailoverTests
{
    [Fact]
    public async Task A_healthy_primary_serves_with_its_own_key_and_headers_and_never_the_clients()
    {
        await using var gateway = await FailoverGateway.StartAsync();
        using var response = await gateway.SpeakAsync(format: "opus");
        var body = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("primary", Header(response, "x-orator-backend"));
        Assert.Equal("audio/opus", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(gateway.Primary.Payload, body);
        var call = Assert.Single(gateway.Primary.Calls, c => c.Path == "/v1/audio/speech");
        Assert.Equal(FailoverGateway.PrimaryKey, call.BearerToken);
        Assert.Equal("org-orator-tests", call.Header("OpenAI-Organization"));
        Assert.DoesNotContain(FailoverGateway.ClientKey, string.Join('\n', call.Headers.Select(h => h.Value)), StringComparison.Ordinal);
        Assert.Equal(("tts-1", "alloy", "opus"), (call.Model, call.Voice, call.ResponseFormat));
        Assert.Null(call.StreamFormat);
        Assert.DoesNotContain(gateway.Secondary.Calls, c => c.Path == "/v1/audio/speech");

        var usage = await gateway.UsageOfAsync(RequestId(response));
        Assert.Equal("primary", usage.Backend);
        Assert.Equal(200, usage.Status);
        Assert.True(usage.TimeToFirstByteMs > 0);
        Assert.Equal("Hello from the failover test.".Length, usage.Characters);
        var metrics = await gateway.MetricsAsync();
        Assert.Equal(1, metrics.Sum("orator_upstream_requests_total", ("upstream", "primary"), ("outcome", "completed")));
        Assert.Equal(1, metrics.Sum("orator_upstream_time_to_first_byte_seconds_count", ("upstream", "primary")));
        Assert.Equal(0, metrics.Sum("orator_upstream_circuit_state", ("upstream", "primary")));
        gateway.AssertNoKeyLogged();
    }

    [Fact]
    public async Task A_refused_connection_moves_the_request_to_the_next_upstream()
    {
        await using var gateway = await FailoverGateway.StartAsync(primaryAddress: FaultyUpstream.RefusedAddress());
        using var response = await gateway.SpeakAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("secondary", Header(response, "x-orator-backend"));
        Assert.Equal(gateway.Secondary.Payload, await response.Content.ReadAsByteArrayAsync());

        var metrics = await gateway.MetricsAsync();
        Assert.Equal(1, metrics.Sum("orator_upstream_failures_total", ("upstream", "primary"), ("reason", "refused")));
        Assert.Equal(1, metrics.Sum("orator_upstream_failovers_total", ("from", "primary"), ("reason", "refused")));
        Assert.Equal("secondary", (await gateway.UsageOfAsync(RequestId(response))).Backend);
        gateway.AssertNoKeyLogged();
    }

    [Theory]
    [InlineData("reset", "reset")]
    [InlineData("500", "server_error")]
    [InlineData("502", "server_error")]
    [InlineData("404", "misconfigured")]
    [InlineData("empty", "empty_body")]
    public async Task A_failure_before_the_first_byte_moves_the_request_on(string fault, string reason)
    {
        await using var gateway = await FailoverGateway.StartAsync();
        gateway.Primary.Enqueue(fault switch
        {
            "reset" => UpstreamFault.ResetBeforeHeaders,
            "empty" => UpstreamFault.Status(200, ""),
            _ => UpstreamFault.Status(int.Parse(fault, System.Globalization.CultureInfo.InvariantCulture)),
        });
        using var response = await gateway.SpeakAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("secondary", Header(response, "x-orator-backend"));
        Assert.Equal(gateway.Secondary.Payload, await response.Content.ReadAsByteArrayAsync());
        Assert.Single(gateway.Primary.Calls, c => c.Path == "/v1/audio/speech");
        var metrics = await gateway.MetricsAsync();
        Assert.Equal(1, metrics.Sum("orator_upstream_failures_total", ("upstream", "primary"), ("reason", reason)));
        Assert.Equal(1, metrics.Sum("orator_upstream_failovers_total", ("from", "primary"), ("reason", reason)));
        Assert.Equal(0, metrics.Sum("orator_upstream_circuit_state", ("upstream", "primary"))); // one failure of five
    }

    [Fact]
    public async Task A_429_cools_the_upstream_for_its_retry_after_so_the_next_request_skips_it()
    {
        await using var gateway = await FailoverGateway.StartAsync();
        gateway.Primary.Enqueue(UpstreamFault.RateLimited(TimeSpan.FromSeconds(7)));
        using (var first = await gateway.SpeakAsync())
        {
            Assert.Equal("secondary", Header(first, "x-orator-backend"));
        }

        using var second = await gateway.SpeakAsync();
        Assert.Equal("secondary", Header(second, "x-orator-backend"));
        Assert.Single(gateway.Primary.Calls, c => c.Path == "/v1/audio/speech"); // not asked again while cooling down

        var metrics = await gateway.MetricsAsync();
        Assert.Equal(1, metrics.Sum("orator_upstream_failures_total", ("upstream", "primary"), ("reason", "rate_limited")));
        Assert.Equal(1, metrics.Sum("orator_upstream_failovers_total", ("from", "primary"), ("reason", "circuit_open")));
        Assert.Equal(2, metrics.Sum("orator_upstream_circuit_state", ("upstream", "primary")));
    }

    [Fact]
    public async Task A_401_from_an_upstream_is_logged_loudly_marks_it_down_and_never_reaches_the_client_as_401()
    {
        await using var gateway = await FailoverGateway.StartAsync();
        gateway.Primary.Enqueue(UpstreamFault.InvalidApiKey());
        gateway.Secondary.Enqueue(UpstreamFault.InvalidApiKey(403));
        using var response = await gateway.SpeakAsync(model: "premium");
        var body = await response.Content.ReadAsStringAsync();

        // Both upstreams refused Orator's keys and premium has no local engine: the client's key is fine, the server is not.
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.True(response.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1));
        using var error = JsonDocument.Parse(body);
        Assert.Equal("backends_unavailable", error.RootElement.GetProperty("error").GetProperty("code").GetString());
        Assert.Contains(gateway.Logs.Entries, e => e.Level == Microsoft.Extensions.Logging.LogLevel.Error && e.Message.Contains("refused Orator's key", StringComparison.Ordinal) && e.Message.Contains("primary", StringComparison.Ordinal));
        Assert.Contains(gateway.Logs.Entries, e => e.Level == Microsoft.Extensions.Logging.LogLevel.Error && e.Message.Contains("HTTP 403", StringComparison.Ordinal) && e.Message.Contains("secondary", StringComparison.Ordinal));
        Assert.DoesNotContain(FailoverGateway.PrimaryKey, body, StringComparison.Ordinal);

        // Both are left out now: tts-1 falls through to the local engines without asking them again.
        using var local = await gateway.SpeakAsync();
        Assert.Equal(HttpStatusCode.OK, local.StatusCode);
        Assert.Equal("local", Header(local, "x-orator-backend"));
        Assert.True((await local.Content.ReadAsByteArrayAsync()).Length > 1000);
        Assert.Single(gateway.Primary.Calls, c => c.Path == "/v1/audio/speech");
        Assert.Single(gateway.Secondary.Calls, c => c.Path == "/v1/audio/speech");
        var metrics = await gateway.MetricsAsync();
        Assert.Equal(1, metrics.Sum("orator_upstream_failures_total", ("upstream", "primary"), ("reason", "unauthorized")));
        Assert.Equal(2, metrics.Sum("orator_upstream_circuit_state", ("upstream", "secondary")));
        gateway.AssertNoKeyLogged();
    }

    [Fact]
    public async Task No_first_byte_within_the_timeout_moves_the_request_on()
    {
        await using var gateway = await FailoverGateway.StartAsync(timeoutSeconds: 0.5);
        gateway.Primary.Enqueue(UpstreamFault.DelayFirstByte(TimeSpan.FromSeconds(10)));
        using var response = await gateway.SpeakAsync();
        Assert.Equal("secondary", Header(response, "x-orator-backend"));
        Assert.Equal(gateway.Secondary.Payload, await response.Content.ReadAsByteArrayAsync());
        var metrics = await gateway.MetricsAsync();
        Assert.Equal(1, metrics.Sum("orator_upstream_failures_total", ("upstream", "primary"), ("reason", "timeout")));
    }

    [Fact]
    public async Task A_stall_after_the_first_byte_cuts_the_stream_without_failover()
    {
        await using var gateway = await FailoverGateway.StartAsync(timeoutSeconds: 0.5);
        gateway.Primary.Enqueue(UpstreamFault.StallMidStream(4096, TimeSpan.FromSeconds(10)));
        using var response = await gateway.SpeakAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("primary", Header(response, "x-orator-backend"));
        var (received, failed) = await ReadUntilEndAsync(response);

        Assert.True(failed, "the client must see an incomplete transfer, not a short body that looks complete");
        Assert.True(received.Length >= 4096 && received.Length < gateway.Primary.Payload.Length, $"received {received.Length}");
        Assert.Equal(gateway.Primary.Payload.AsSpan(0, received.Length).ToArray(), received);
        Assert.DoesNotContain(gateway.Secondary.Calls, c => c.Path == "/v1/audio/speech");
        var metrics = await gateway.MetricsAsync();
        Assert.Equal(1, metrics.Sum("orator_upstream_failures_total", ("upstream", "primary"), ("reason", "stalled")));
        Assert.Equal(1, metrics.Sum("orator_upstream_requests_total", ("upstream", "primary"), ("outcome", "failed_after_audio")));
        var usage = await gateway.UsageOfAsync(RequestId(response));
        Assert.Equal("primary", usage.Backend);
        Assert.Equal(502, usage.Status); // the client saw a 200 cut short; usage says the upstream broke it
    }

    [Fact]
    public async Task A_body_cut_short_reaches_the_client_as_an_incomplete_transfer()
    {
        await using var gateway = await FailoverGateway.StartAsync();
        gateway.Primary.Enqueue(UpstreamFault.CutShort(3000, 16384));
        byte[] received;
        bool failed;
        try
        {
            using var response = await gateway.SpeakAsync();
            Assert.Equal("primary", Header(response, "x-orator-backend"));
            (received, failed) = await ReadUntilEndAsync(response);
        }
        catch (HttpRequestException)
        {
            // The cut follows the last bytes at once: the reset can reach the client before it has
            // read the headers, and its kernel then drops them. Still an incomplete transfer.
            (received, failed) = ([], true);
        }

        Assert.True(failed);
        Assert.Equal(gateway.Primary.Payload.AsSpan(0, received.Length).ToArray(), received);
        Assert.True(received.Length <= 3000);
        Assert.DoesNotContain(gateway.Secondary.Calls, c => c.Path == "/v1/audio/speech");
        var metrics = await gateway.MetricsAsync();
        Assert.Equal(1, metrics.Sum("orator_upstream_failures_total", ("upstream", "primary"), ("reason", "cut_short")));
    }

    [Fact]
    public async Task A_client_fault_from_the_upstream_comes_back_as_the_same_openai_shaped_4xx()
    {
        await using var gateway = await FailoverGateway.StartAsync();
        gateway.Primary.Enqueue(UpstreamFault.BadVoice("zed"));
        using var response = await gateway.SpeakAsync(voice: "zed");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var error = JsonDocument.Parse(body);
        var fields = error.RootElement.GetProperty("error");
        Assert.Equal("voice", fields.GetProperty("param").GetString());
        Assert.Equal("invalid_request_error", fields.GetProperty("type").GetString());
        Assert.Contains("zed", fields.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(gateway.Secondary.Calls, c => c.Path == "/v1/audio/speech");
        var metrics = await gateway.MetricsAsync();
        Assert.Equal(1, metrics.Sum("orator_upstream_requests_total", ("upstream", "primary"), ("outcome", "client_error")));
        Assert.Equal(0, metrics.Sum("orator_upstream_failures_total", ("upstream", "primary")));
        Assert.Equal(400, (await gateway.UsageOfAsync(RequestId(response))).Status);
    }

    [Fact]
    public async Task When_every_backend_is_down_the_client_gets_503_with_the_soonest_retry_after()
    {
        await using var gateway = await FailoverGateway.StartAsync();
        gateway.Primary.Enqueue(UpstreamFault.RateLimited(TimeSpan.FromSeconds(9)));
        gateway.Secondary.Enqueue(UpstreamFault.Status(503, retryAfter: TimeSpan.FromSeconds(4)));
        using var response = await gateway.SpeakAsync(model: "premium");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(4), response.Headers.RetryAfter?.Delta);
        using var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("server_error", error.RootElement.GetProperty("error").GetProperty("type").GetString());
        var usage = await gateway.UsageOfAsync(RequestId(response));
        Assert.Equal(503, usage.Status);
        Assert.Equal(0, usage.AudioSeconds);
    }

    [Fact]
    public async Task The_circuit_opens_after_consecutive_failures_then_one_probe_closes_it()
    {
        await using var gateway = await FailoverGateway.StartAsync(failureThreshold: 2, openSeconds: 1);
        gateway.Primary.Enqueue(UpstreamFault.Status(500), UpstreamFault.Status(500));
        for (var i = 0; i < 3; i++)
        {
            using var moved = await gateway.SpeakAsync();
            Assert.Equal("secondary", Header(moved, "x-orator-backend"));
        }

        Assert.Equal(2, gateway.Primary.Calls.Count(c => c.Path == "/v1/audio/speech")); // the third skipped it: open
        Assert.Equal(2, (await gateway.MetricsAsync()).Sum("orator_upstream_circuit_state", ("upstream", "primary")));

        await Task.Delay(TimeSpan.FromSeconds(1.2));
        using var probe = await gateway.SpeakAsync();
        Assert.Equal("primary", Header(probe, "x-orator-backend"));
        Assert.Equal(gateway.Primary.Payload, await probe.Content.ReadAsByteArrayAsync());
        Assert.Equal(0, (await gateway.MetricsAsync()).Sum("orator_upstream_circuit_state", ("upstream", "primary")));
    }

    [Fact]
    public async Task Sse_through_an_upstream_frames_its_plain_audio_as_events()
    {
        await using var gateway = await FailoverGateway.StartAsync();
        using var response = await gateway.SpeakAsync(streamFormat: "sse");
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        var audio = new List<byte>();
        var done = false;
        foreach (var line in text.Split('\n').Where(l => l.StartsWith("data: {", StringComparison.Ordinal)))
        {
            using var json = JsonDocument.Parse(line["data: ".Length..]);
            switch (json.RootElement.GetProperty("type").GetString())
            {
                case "speech.audio.delta":
                    audio.AddRange(Convert.FromBase64String(json.RootElement.GetProperty("audio").GetString()!));
                    break;
                case "speech.audio.done":
                    done = json.RootElement.GetProperty("usage").GetProperty("input_tokens").GetInt32() > 0;
                    break;
            }
        }

        Assert.True(done);
        Assert.Equal(gateway.Primary.Payload, audio.ToArray());
        Assert.Null(Assert.Single(gateway.Primary.Calls, c => c.Path == "/v1/audio/speech").StreamFormat);
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.Single() : null;

    private static string RequestId(HttpResponseMessage response) => Header(response, "x-request-id")!;

    /// <summary>Reads the body to its end: the bytes, and whether the transfer broke off.</summary>
    private static async Task<(byte[] Bytes, bool Failed)> ReadUntilEndAsync(HttpResponseMessage response)
    {
        var received = new MemoryStream();
        var buffer = new byte[4096];
        try
        {
            await using var body = await response.Content.ReadAsStreamAsync();
            int read;
            while ((read = await body.ReadAsync(buffer)) > 0)
            {
                received.Write(buffer, 0, read);
            }

            return (received.ToArray(), false);
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException)
        {
            return (received.ToArray(), true);
        }
    }
}
