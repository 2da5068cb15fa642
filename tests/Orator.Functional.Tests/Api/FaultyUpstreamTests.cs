using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Orator.Core.Audio;
using Orator.Functional.Tests.Infrastructure;

namespace Orator.Functional.Tests.Api;

/// <summary>The fault-injecting upstream does to a plain HttpClient what it promises to do to the gateway.</summary>
public sealed class FaultyUpstreamTests
{
    private static readonly object Speech = new { model = "tts-1", input = "Hello there.", voice = "alloy", response_format = "mp3" };

    public static TheoryData<string, string> Formats()
    {
        var formats = new TheoryData<string, string>();
        foreach (var format in AudioFormats.All)
        {
            formats.Add(format.Name, format.ContentType);
        }

        return formats;
    }

    [Fact]
    public async Task Ok_sends_the_payload_byte_for_byte_chunked_over_several_reads()
    {
        await using var upstream = await FaultyUpstream.StartAsync(new FaultyUpstreamOptions { ChunkDelay = TimeSpan.FromMilliseconds(20) });
        using var client = new HttpClient();

        using var response = await PostAsync(client, upstream, Speech);
        var (bytes, reads) = await ReadCountingAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.TransferEncodingChunked);
        Assert.Equal(upstream.Payload, bytes);
        Assert.StartsWith(UpstreamPayload.Prefix("upstream"), Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
        Assert.True(reads > 1, $"the body came in {reads} read(s)");
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task Ok_labels_each_response_format_with_the_media_type_orator_uses(string format, string contentType)
    {
        await using var upstream = await FaultyUpstream.StartAsync();
        using var client = new HttpClient();

        using var response = await PostAsync(client, upstream, new { model = "tts-1", input = "Hi.", voice = "alloy", response_format = format });

        Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(upstream.Payload, await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Ok_without_a_response_format_is_mp3_as_on_openai()
    {
        await using var upstream = await FaultyUpstream.StartAsync();
        using var client = new HttpClient();

        using var response = await PostAsync(client, upstream, new { model = "tts-1", input = "Hi.", voice = "alloy" });

        Assert.Equal("audio/mpeg", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Ok_with_sse_sends_the_payload_as_one_delta_event_per_chunk()
    {
        await using var upstream = await FaultyUpstream.StartAsync(new FaultyUpstreamOptions { PayloadLength = 10_000, ChunkSize = 4096 });
        using var client = new HttpClient();

        using var response = await PostAsync(client, upstream, new { model = "gpt-4o-mini-tts", input = "Hi.", voice = "alloy", stream_format = "sse" });
        var sse = SseStream.Parse(await response.Content.ReadAsByteArrayAsync());

        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(upstream.Payload, sse.Audio);
        Assert.Equal(3, sse.Deltas);
        Assert.True(sse.DoneMarker);
    }

    [Fact]
    public async Task Two_upstreams_with_different_names_serve_different_payloads()
    {
        await using var primary = await FaultyUpstream.StartAsync(new FaultyUpstreamOptions { Name = "primary" });
        await using var secondary = await FaultyUpstream.StartAsync(new FaultyUpstreamOptions { Name = "secondary" });

        Assert.NotEqual(primary.Payload, secondary.Payload);
        Assert.Equal(UpstreamPayload.Create("primary", primary.Payload.Length), primary.Payload);
    }

    [Fact]
    public async Task Scripted_faults_are_consumed_one_per_speech_request_then_the_default_applies()
    {
        await using var upstream = await FaultyUpstream.StartAsync();
        using var client = new HttpClient();
        upstream.Enqueue(UpstreamFault.Status(503), UpstreamFault.Ok);
        upstream.DefaultFault = UpstreamFault.Status(502);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await PostAsync(client, upstream, Speech);
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.ServiceUnavailable, HttpStatusCode.OK, HttpStatusCode.BadGateway], statuses);
        Assert.Equal([UpstreamFault.Status(503), UpstreamFault.Ok, UpstreamFault.Status(502)], upstream.Calls.Select(c => c.Fault));
        Assert.Equal(0, upstream.PendingFaults);
    }

    [Fact]
    public async Task A_rate_limit_is_a_429_with_retry_after_seven_seconds()
    {
        await using var upstream = await FaultyUpstream.StartAsync();
        using var client = new HttpClient();
        upstream.Enqueue(UpstreamFault.RateLimited(TimeSpan.FromSeconds(7)));

        using var response = await PostAsync(client, upstream, Speech);

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(7), response.Headers.RetryAfter?.Delta);
        Assert.Equal("rate_limit_exceeded", (await SpeechCalls.ReadErrorAsync(response)).Code);
    }

    [Theory]
    [InlineData(401)]
    [InlineData(403)]
    public async Task A_wrong_key_answer_has_openais_invalid_api_key_body(int code)
    {
        await using var upstream = await FaultyUpstream.StartAsync();
        using var client = new HttpClient();
        upstream.Enqueue(UpstreamFault.InvalidApiKey(code));

        using var response = await PostAsync(client, upstream, Speech);
        var error = await SpeechCalls.ReadErrorAsync(response);

        Assert.Equal(code, (int)response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("Incorrect API key provided: sk-", error.Message, StringComparison.Ordinal);
        Assert.Equal("invalid_request_error", error.Type);
        Assert.Null(error.Param);
        Assert.Equal("invalid_api_key", error.Code);
    }

    [Theory]
    [InlineData(500, "server_error")]
    [InlineData(502, "server_error")]
    [InlineData(503, "server_error")]
    [InlineData(403, "request_forbidden")]
    public async Task A_scripted_status_without_a_body_gets_an_openai_error_of_its_kind(int code, string type)
    {
        await using var upstream = await FaultyUpstream.StartAsync();
        using var client = new HttpClient();
        upstream.Enqueue(UpstreamFault.Status(code));

        using var response = await PostAsync(client, upstream, Speech);

        Assert.Equal(code, (int)response.StatusCode);
        Assert.Equal(type, (await SpeechCalls.ReadErrorAsync(response)).Type);
        Assert.Null(response.Headers.RetryAfter);
    }

    [Fact]
    public async Task A_scripted_status_with_a_body_sends_that_body_verbatim()
    {
        await using var upstream = await FaultyUpstream.StartAsync();
        using var client = new HttpClient();
        upstream.Enqueue(UpstreamFault.Status(418, """{"teapot":true}"""));

        using var response = await PostAsync(client, upstream, Speech);

        Assert.Equal(418, (int)response.StatusCode);
        Assert.Equal("""{"teapot":true}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_voice_outside_the_list_is_a_400_about_the_voice_param()
    {
        await using var upstream = await FaultyUpstream.StartAsync(new FaultyUpstreamOptions { Voices = ["marin"] });
        using var client = new HttpClient();
        upstream.Enqueue(UpstreamFault.BadVoice("x"));

        using var scripted = await PostAsync(client, upstream, Speech);
        using var validated = await PostAsync(client, upstream, Speech);

        Assert.Equal(HttpStatusCode.BadRequest, scripted.StatusCode);
        Assert.Equal("voice", (await SpeechCalls.ReadErrorAsync(scripted)).Param);
        Assert.Equal(HttpStatusCode.BadRequest, validated.StatusCode);
        var error = await SpeechCalls.ReadErrorAsync(validated);
        Assert.Equal(("voice", "invalid_value"), (error.Param, error.Code));
        Assert.Contains("'alloy'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reset_before_headers_fails_the_request_without_a_status()
    {
        await using var upstream = await FaultyUpstream.StartAsync();
        using var client = new HttpClient();
        upstream.Enqueue(UpstreamFault.ResetBeforeHeaders);

        await Assert.ThrowsAsync<HttpRequestException>(() => PostAsync(client, upstream, Speech));

        Assert.Equal(1, upstream.ConnectionsAborted);
        Assert.Equal(1, upstream.RequestsSeen);
    }

    [Fact]
    public async Task Delay_first_byte_holds_back_the_headers_then_answers_ok()
    {
        await using var upstream = await FaultyUpstream.StartAsync();
        using var client = new HttpClient();
        upstream.Enqueue(UpstreamFault.DelayFirstByte(TimeSpan.FromMilliseconds(300)));

        var clock = Stopwatch.StartNew();
        using var response = await PostAsync(client, upstream, Speech);
        var headersAfter = clock.Elapsed;

        Assert.True(headersAfter >= TimeSpan.FromMilliseconds(280), $"headers after {headersAfter.TotalMilliseconds} ms");
        Assert.Equal(upstream.Payload, await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Stall_mid_stream_sends_the_first_bytes_then_nothing_while_stalled()
    {
        await using var upstream = await FaultyUpstream.StartAsync();
        using var client = new HttpClient();
        upstream.Enqueue(UpstreamFault.StallMidStream(3000, TimeSpan.FromSeconds(30)));

        using var response = await PostAsync(client, upstream, Speech);
        await using var body = await response.Content.ReadAsStreamAsync();
        var first = new byte[3000];
        await body.ReadExactlyAsync(first).AsTask().WaitAsync(TimeSpan.FromSeconds(5));
        using var shortWait = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await body.ReadExactlyAsync(new byte[1], shortWait.Token));
        Assert.Equal(upstream.Payload[..3000], first);
    }

    [Fact]
    public async Task Stall_mid_stream_sends_the_rest_once_the_stall_is_over()
    {
        await using var upstream = await FaultyUpstream.StartAsync();
        using var client = new HttpClient();
        upstream.Enqueue(UpstreamFault.StallMidStream(100, TimeSpan.FromMilliseconds(200)));

        var clock = Stopwatch.StartNew();
        using var response = await PostAsync(client, upstream, Speech);
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(upstream.Payload, bytes);
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(180), $"whole body after {clock.Elapsed.TotalMilliseconds} ms");
    }

    [Fact]
    public async Task A_caller_that_leaves_during_a_stall_is_counted_as_a_disconnect()
    {
        await using var upstream = await FaultyUpstream.StartAsync();
        upstream.Enqueue(UpstreamFault.StallMidStream(10, TimeSpan.FromSeconds(30)));
        // No draining: by default a disposed, unfinished response is drained for up to 2 s first.
        using (var client = new HttpClient(new SocketsHttpHandler { MaxResponseDrainSize = 0 }))
        {
            using var response = await PostAsync(client, upstream, Speech);
            await using var body = await response.Content.ReadAsStreamAsync();
            await body.ReadExactlyAsync(new byte[10]);
        }

        var deadline = Stopwatch.StartNew();
        while (upstream.CallerDisconnects == 0 && deadline.Elapsed < TimeSpan.FromSeconds(5))
        {
            await Task.Delay(20);
        }

        Assert.Equal(1, upstream.CallerDisconnects);
        Assert.Equal(0, upstream.ConnectionsAborted);
    }

    [Fact]
    public async Task Cut_short_declares_a_length_then_ends_the_body_after_the_bytes_sent()
    {
        await using var upstream = await FaultyUpstream.StartAsync();
        using var client = new HttpClient();
        upstream.Enqueue(UpstreamFault.CutShort(1000, declaredLength: 5000));

        using var response = await PostAsync(client, upstream, Speech);
        await using var body = await response.Content.ReadAsStreamAsync();
        var received = new MemoryStream();
        var error = await Record.ExceptionAsync(() => body.CopyToAsync(received));

        Assert.Equal(5000, response.Content.Headers.ContentLength);
        Assert.Equal(HttpRequestError.ResponseEnded, Assert.IsType<HttpIOException>(error).HttpRequestError);
        Assert.Equal(upstream.Payload[..1000], received.ToArray());
        Assert.Equal(1, upstream.ConnectionsAborted);
    }

    [Fact]
    public async Task The_refused_address_refuses_connections()
    {
        using var client = new HttpClient();

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync(new Uri(FaultyUpstream.RefusedAddress() + "/models")));

        Assert.Equal(HttpRequestError.ConnectionError, error.HttpRequestError);
        Assert.Equal(SocketError.ConnectionRefused, Assert.IsType<SocketException>(error.InnerException).SocketErrorCode);
    }

    [Fact]
    public async Task Calls_record_method_path_headers_and_the_json_fields()
    {
        await using var upstream = await FaultyUpstream.StartAsync();
        using var client = new HttpClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "sk-upstream-key");
        client.DefaultRequestHeaders.Add("X-Extra", "configured");

        using var speech = await PostAsync(client, upstream, new
        {
            model = "gpt-4o-mini-tts", input = "Renamed.", voice = "coral", response_format = "wav",
            speed = 1.25, instructions = "Calmly.", stream_format = "audio",
        });
        using var voices = await client.GetAsync(upstream.UrlOf("audio/voices?limit=5"));

        var calls = upstream.Calls;
        Assert.Equal(2, calls.Count);
        var call = calls[0];
        Assert.Equal(("POST", "/v1/audio/speech", ""), (call.Method, call.Path, call.Query));
        Assert.Equal("sk-upstream-key", call.BearerToken);
        Assert.Equal("configured", call.Header("x-extra"));
        Assert.StartsWith("application/json", call.Header("Content-Type"), StringComparison.Ordinal);
        Assert.Equal(("gpt-4o-mini-tts", "Renamed.", "coral", "wav"), (call.Model, call.Input, call.Voice, call.ResponseFormat));
        Assert.Equal((1.25, "Calmly.", "audio"), (call.Speed, call.Instructions, call.StreamFormat));
        Assert.Contains("\"voice\":\"coral\"", call.Body, StringComparison.Ordinal);
        Assert.Equal(UpstreamFault.Ok, call.Fault);
        Assert.Equal(("GET", "/v1/audio/voices", "?limit=5"), (calls[1].Method, calls[1].Path, calls[1].Query));
        Assert.Null(calls[1].Fault);
        Assert.Equal(2, upstream.RequestsSeen);
    }

    [Fact]
    public async Task A_required_key_turns_other_keys_away_without_consuming_the_script()
    {
        await using var upstream = await FaultyUpstream.StartAsync(new FaultyUpstreamOptions { RequiredApiKey = "sk-upstream" });
        using var client = new HttpClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "sk-client");
        upstream.Enqueue(UpstreamFault.Status(500));

        using var response = await PostAsync(client, upstream, Speech);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("invalid_api_key", (await SpeechCalls.ReadErrorAsync(response)).Code);
        Assert.Equal(1, upstream.PendingFaults);
        Assert.Equal("sk-client", Assert.Single(upstream.Calls).BearerToken);
    }

    [Fact]
    public async Task Voices_and_models_are_listed_the_openai_way()
    {
        await using var upstream = await FaultyUpstream.StartAsync(new FaultyUpstreamOptions { Voices = ["marin", "cedar"], Models = ["tts-1"] });
        using var client = new HttpClient();

        using var voices = JsonDocument.Parse(await client.GetStringAsync(upstream.UrlOf("audio/voices")));
        using var models = JsonDocument.Parse(await client.GetStringAsync(upstream.UrlOf("models")));

        Assert.Equal("list", voices.RootElement.GetProperty("object").GetString());
        Assert.Equal(["marin", "cedar"], voices.RootElement.GetProperty("data").EnumerateArray().Select(v => v.GetProperty("id").GetString()));
        Assert.Equal(["tts-1"], models.RootElement.GetProperty("data").EnumerateArray().Select(m => m.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task Without_voices_the_voice_list_is_a_404_and_any_voice_is_spoken()
    {
        await using var upstream = await FaultyUpstream.StartAsync(new FaultyUpstreamOptions { Voices = [] });
        using var client = new HttpClient();

        using var voices = await client.GetAsync(upstream.UrlOf("audio/voices"));
        using var speech = await PostAsync(client, upstream, new { model = "tts-1", input = "Hi.", voice = "anything" });

        Assert.Equal(HttpStatusCode.NotFound, voices.StatusCode);
        Assert.Equal("Invalid URL (GET /v1/audio/voices)", (await SpeechCalls.ReadErrorAsync(voices)).Message);
        Assert.Equal(HttpStatusCode.OK, speech.StatusCode);
    }

    [Fact]
    public async Task A_body_a_real_upstream_would_refuse_is_a_400_even_when_the_script_says_ok()
    {
        await using var upstream = await FaultyUpstream.StartAsync();
        using var client = new HttpClient();

        using var broken = await client.PostAsync(upstream.UrlOf("audio/speech"), new StringContent("{not json", Encoding.UTF8, "application/json"));
        using var format = await PostAsync(client, upstream, new { model = "tts-1", input = "Hi.", voice = "alloy", response_format = "ogg" });

        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, format.StatusCode);
        Assert.Equal("response_format", (await SpeechCalls.ReadErrorAsync(format)).Param);
    }

    [Fact]
    public async Task Disposing_ends_a_stalled_answer_promptly()
    {
        var upstream = await FaultyUpstream.StartAsync();
        using var client = new HttpClient();
        upstream.Enqueue(UpstreamFault.StallMidStream(10, TimeSpan.FromMinutes(5)));
        using var response = await PostAsync(client, upstream, Speech);

        var clock = Stopwatch.StartNew();
        await upstream.DisposeAsync();

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), $"disposing took {clock.Elapsed.TotalMilliseconds} ms");
        Assert.Equal(1, upstream.ConnectionsAborted);
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, FaultyUpstream upstream, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, upstream.UrlOf("audio/speech")) { Content = JsonContent.Create(body) };
        return client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
    }

    private static async Task<(byte[] Bytes, int Reads)> ReadCountingAsync(HttpResponseMessage response)
    {
        await using var body = await response.Content.ReadAsStreamAsync();
        var all = new MemoryStream();
        var buffer = new byte[64 * 1024];
        var reads = 0;
        int read;
        while ((read = await body.ReadAsync(buffer)) > 0)
        {
            all.Write(buffer, 0, read);
            reads++;
        }

        return (all.ToArray(), reads);
    }
}
