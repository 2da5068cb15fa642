#pragma warning disable OPENAI001 // The SDK marks its streaming-speech API as evaluation-only; the gateway must work with it all the same.
using System.ClientModel;
using OpenAI;
using OpenAI.Audio;
using Orator.Functional.Tests.Api;

namespace Orator.Functional.Tests.Gateway;

/// <summary>
/// The official OpenAI clients (.NET and Node) pointed at the gateway with key A get the same audio
/// as when pointed at the upstream with key B.
/// </summary>
[Collection(GatewayCollection.Name)]
public sealed class GatewaySdkTests(GatewayFixture fixture)
{
    private const string Text = "The official client does not know there is a gateway.";

    private AudioClient ThroughGateway(string model) =>
        new(model, new ApiKeyCredential(GatewayKeys.Client), new OpenAIClientOptions { Endpoint = new Uri(fixture.Gateway.BaseAddress, "v1") });

    private AudioClient Direct(string model) =>
        new(model, new ApiKeyCredential(GatewayKeys.Upstream), new OpenAIClientOptions { Endpoint = new Uri(fixture.Upstream.BaseAddress, "v1") });

    [Theory]
    [InlineData("mp3")]
    [InlineData("opus")]
    [InlineData("aac")]
    [InlineData("flac")]
    [InlineData("wav")]
    [InlineData("pcm")]
    public async Task The_dotnet_sdk_gets_the_upstreams_audio_through_the_gateway(string format)
    {
        var options = new SpeechGenerationOptions { ResponseFormat = new GeneratedSpeechFormat(format) };

        var relayed = await ThroughGateway("premium").GenerateSpeechAsync(Text, new GeneratedSpeechVoice("narrator"), options);
        var direct = await Direct("tts-1-hd").GenerateSpeechAsync(Text, GeneratedSpeechVoice.Echo, options);

        Assert.Equal(200, relayed.GetRawResponse().Status);
        Assert.Equal(GatewayServer.UpstreamName, relayed.GetRawResponse().Headers.TryGetValue("x-orator-backend", out var backend) ? backend : null);
        Assert.True(direct.Value.ToArray().Length > 1000);
        Assert.Equal(direct.Value.ToArray(), relayed.Value.ToArray());
    }

    [Fact]
    public async Task The_dotnet_sdk_streams_sse_deltas_through_the_gateway_that_add_up_to_the_upstreams_audio()
    {
        var stream = await ThroughGateway("gpt-4o-mini-tts").GenerateSpeechStreamingAsync(
            Text, GeneratedSpeechVoice.Sage, new SpeechGenerationOptions { ResponseFormat = GeneratedSpeechFormat.Mp3 });
        using var audio = new MemoryStream();
        SpeechTokenUsage? usage = null;
        await foreach (var update in stream)
        {
            switch (update)
            {
                case StreamingSpeechAudioDeltaUpdate delta:
                    audio.Write(delta.AudioBytes.ToArray());
                    break;
                case StreamingSpeechAudioDoneUpdate done:
                    usage = done.Usage;
                    break;
            }
        }

        var direct = await Direct("gpt-4o-mini-tts").GenerateSpeechAsync(Text, GeneratedSpeechVoice.Sage, new SpeechGenerationOptions { ResponseFormat = GeneratedSpeechFormat.Mp3 });

        Assert.NotNull(usage);
        Assert.True(usage.InputTokenCount > 0);
        Assert.Equal(direct.Value.ToArray(), audio.ToArray());
    }

    [Theory]
    [InlineData("mp3", "audio/mpeg")]
    [InlineData("opus", "audio/opus")]
    [InlineData("aac", "audio/aac")]
    [InlineData("flac", "audio/flac")]
    [InlineData("wav", "audio/wav")]
    public async Task The_node_sdk_gets_the_upstreams_audio_through_the_gateway(string format, string contentType)
    {
        var relayedFile = Path.Combine(Path.GetTempPath(), $"orator-gateway-node-{Guid.NewGuid():N}.{format}");
        var directFile = Path.Combine(Path.GetTempPath(), $"orator-upstream-node-{Guid.NewGuid():N}.{format}");
        try
        {
            var relayed = await NodeSdkTests.RunNodeAsync(fixture.Gateway.BaseAddress + "v1", GatewayKeys.Client, "premium", "narrator", format, relayedFile);
            var direct = await NodeSdkTests.RunNodeAsync(fixture.Upstream.BaseAddress + "v1", GatewayKeys.Upstream, "tts-1-hd", "echo", format, directFile);

            Assert.True(relayed.GetProperty("ok").GetBoolean(), relayed.ToString());
            Assert.True(direct.GetProperty("ok").GetBoolean(), direct.ToString());
            Assert.Equal(contentType, relayed.GetProperty("contentType").GetString());
            var expected = await File.ReadAllBytesAsync(directFile);
            Assert.True(expected.Length > 1000);
            Assert.Equal(expected, await File.ReadAllBytesAsync(relayedFile));
        }
        finally
        {
            File.Delete(relayedFile);
            File.Delete(directFile);
        }
    }
}
