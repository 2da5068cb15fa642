using Orator.Core.Audio;
using Orator.Functional.Tests.Infrastructure;

namespace Orator.Functional.Tests.Gateway;

/// <summary>
/// Speech through the gateway is the upstream's audio, unchanged: the same request sent to the
/// upstream directly gives the same bytes (Orator renders deterministically and the gateway only
/// relays), in every format, as server-sent events, and under renamed models and voices.
/// </summary>
[Collection(GatewayCollection.Name)]
public sealed class GatewayPassthroughTests(GatewayFixture fixture)
{
    private const string Text = "The gateway relays every byte. Nothing is decoded on the way.";

    public static TheoryData<string> Formats() => [.. AudioFormats.All.Select(f => f.Name)];

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task Every_format_through_the_gateway_is_byte_for_byte_the_upstreams_audio(string format)
    {
        var body = new { model = "tts-1", voice = "alloy", input = Text, response_format = format };
        using var gateway = fixture.Gateway.CreateClient();
        using var upstream = fixture.CreateUpstreamClient();

        var relayed = await RelayedSpeech.PostAsync(gateway, body);
        var direct = await RelayedSpeech.PostAsync(upstream, body);

        Assert.Equal(200, relayed.Status);
        Assert.Equal(200, direct.Status);
        Assert.Equal(GatewayServer.UpstreamName, relayed.Header("x-orator-backend"));
        Assert.Equal("local", direct.Header("x-orator-backend"));
        Assert.Equal(AudioFormats.All.Single(f => f.Name == format).ContentType, relayed.ContentType);
        Assert.Equal(direct.ContentType, relayed.ContentType);
        Assert.True(direct.Body.Length > 1000, $"{direct.Body.Length} bytes of {format}");
        Assert.Equal(direct.Body, relayed.Body);
    }

    [Theory]
    [InlineData("mp3")]
    [InlineData("opus")]
    [InlineData("pcm")]
    public async Task Sse_through_the_gateway_carries_the_upstreams_plain_audio_and_ends_with_usage(string format)
    {
        using var gateway = fixture.Gateway.CreateClient();
        using var upstream = fixture.CreateUpstreamClient();

        var relayed = await RelayedSpeech.PostAsync(gateway, new { model = "gpt-4o-mini-tts", voice = "sage", input = Text, response_format = format, stream_format = "sse" });
        var direct = await RelayedSpeech.PostAsync(upstream, new { model = "gpt-4o-mini-tts", voice = "sage", input = Text, response_format = format });
        var sse = SseStream.Parse(relayed.Body);

        Assert.Equal(200, relayed.Status);
        Assert.Equal("text/event-stream", relayed.ContentType);
        Assert.Equal(GatewayServer.UpstreamName, relayed.Header("x-orator-backend"));
        Assert.Equal(200, direct.Status);
        Assert.Equal(direct.Body, sse.Audio);
        Assert.True(sse.Deltas >= 1);
        Assert.True(sse.DoneMarker);
        var input = sse.Usage.GetProperty("input_tokens").GetInt32();
        var output = sse.Usage.GetProperty("output_tokens").GetInt32();
        Assert.True(input > 0, sse.Usage.ToString());
        Assert.Equal(input + output, sse.Usage.GetProperty("total_tokens").GetInt32());
    }

    [Fact]
    public async Task Sse_usage_through_the_gateway_counts_the_tokens_the_upstream_counts_for_the_same_pcm()
    {
        using var gateway = fixture.Gateway.CreateClient();
        using var upstream = fixture.CreateUpstreamClient();
        var body = new { model = "gpt-4o-mini-tts", voice = "sage", input = Text, response_format = "pcm", stream_format = "sse" };

        var relayed = SseStream.Parse((await RelayedSpeech.PostAsync(gateway, body)).Body);
        var direct = SseStream.Parse((await RelayedSpeech.PostAsync(upstream, body)).Body);

        Assert.Equal(direct.Audio, relayed.Audio);
        Assert.Equal(direct.Usage.GetProperty("input_tokens").GetInt32(), relayed.Usage.GetProperty("input_tokens").GetInt32());
        Assert.True(direct.Usage.GetProperty("output_tokens").GetInt32() > 0);
        Assert.Equal(direct.Usage.GetProperty("output_tokens").GetInt32(), relayed.Usage.GetProperty("output_tokens").GetInt32());
    }

    [Fact]
    public async Task A_renamed_model_and_a_mapped_voice_reach_the_upstream_under_its_own_names()
    {
        using var gateway = fixture.Gateway.CreateClient();
        using var upstream = fixture.CreateUpstreamClient();

        var relayed = await RelayedSpeech.PostAsync(gateway, new { model = "premium", voice = "narrator", input = Text, response_format = "flac" });
        var direct = await RelayedSpeech.PostAsync(upstream, new { model = "tts-1-hd", voice = "echo", input = Text, response_format = "flac" });
        var otherVoice = await RelayedSpeech.PostAsync(upstream, new { model = "tts-1-hd", voice = "alloy", input = Text, response_format = "flac" });
        // The upstream knows neither gateway name, so nothing but the rename can have made them work.
        var unknownModel = await RelayedSpeech.PostAsync(upstream, new { model = "premium", voice = "echo", input = Text, response_format = "flac" });
        var unknownVoice = await RelayedSpeech.PostAsync(upstream, new { model = "tts-1-hd", voice = "narrator", input = Text, response_format = "flac" });

        Assert.Equal(200, relayed.Status);
        Assert.Equal(GatewayServer.UpstreamName, relayed.Header("x-orator-backend"));
        Assert.Equal("echo", relayed.Header("x-orator-voice"));
        Assert.Equal(200, direct.Status);
        Assert.Equal(direct.Body, relayed.Body);
        Assert.NotEqual(otherVoice.Body, relayed.Body);
        Assert.Equal(404, unknownModel.Status);
        Assert.Equal(400, unknownVoice.Status);
    }
}
