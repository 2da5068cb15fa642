using System.Net;
using System.Text;
using Orator.Functional.Tests.Infrastructure;

namespace Orator.Functional.Tests.Gateway;

/// <summary>
/// An upstream is sent only the OpenAI fields: the fields only Orator's engines act on are named as
/// ignored when an upstream serves the request, and not when the local engines do.
/// </summary>
public sealed class UpstreamIgnoredFieldsTests
{
    private const string Body = """
        {"model":"tts-1","input":"Hello from the failover test.","voice":"alloy","response_format":"pcm","sample_rate":16000,
         "volume_multiplier":2,"lang_code":"a","stream":false,"normalization_options":{"normalize":true,"unit_normalization":false},"download_format":"pcm"}
        """;

    [Fact]
    public async Task An_upstream_served_request_names_the_fields_it_was_not_sent()
    {
        await using var gateway = await FailoverGateway.StartAsync();

        using var response = await gateway.Client.PostAsync("v1/audio/speech", new StringContent(Body, Encoding.UTF8, "application/json"));

        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("primary", string.Join(",", response.Headers.GetValues("x-orator-backend")));
        Assert.Equal("sample_rate,volume_multiplier,lang_code,normalization_options,download_format", string.Join(",", response.Headers.GetValues("x-orator-ignored-params")));
        // stream: false is Orator's own doing, so it holds whoever renders.
        Assert.Equal(body.Length, response.Content.Headers.ContentLength);
        Assert.Equal(gateway.Primary.Payload, body);
        var call = Assert.Single(gateway.Primary.Calls, c => c.Path == "/v1/audio/speech");
        var sent = call.Json!.Value.EnumerateObject().Select(p => p.Name).ToHashSet();
        Assert.Empty(sent.Intersect(["sample_rate", "volume_multiplier", "lang_code", "stream", "normalization_options", "download_format"]));
    }

    [Fact]
    public async Task After_failover_to_the_local_engines_only_what_they_ignore_is_named()
    {
        await using var gateway = await FailoverGateway.StartAsync();
        gateway.Primary.Enqueue(UpstreamFault.RateLimited(TimeSpan.FromSeconds(5)));
        gateway.Secondary.Enqueue(UpstreamFault.RateLimited(TimeSpan.FromSeconds(5)));

        using var response = await gateway.Client.PostAsync("v1/audio/speech", new StringContent(Body, Encoding.UTF8, "application/json"));

        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("local", string.Join(",", response.Headers.GetValues("x-orator-backend")));
        Assert.Equal("normalization_options.unit_normalization,download_format", string.Join(",", response.Headers.GetValues("x-orator-ignored-params")));
        Assert.Equal(body.Length, response.Content.Headers.ContentLength);
        // About two seconds of speech at 16 kHz, not 24 kHz: the local engines honoured sample_rate.
        Assert.InRange(body.Length / 2, 16000, 16000 * 4);
    }
}
