using System.Diagnostics;
using System.Text.Json;
using Orator.Functional.Tests.Infrastructure;

namespace Orator.Functional.Tests.Api;

/// <summary>
/// The official OpenAI Node SDK (npm <c>openai</c>, installed in tests/node-sdk by the test
/// script) calling the real server, as a JavaScript application would.
/// </summary>
[Collection(OpenServerCollection.Name)]
public sealed class NodeSdkTests(OpenServerFixture server)
{
    [Theory]
    [InlineData("mp3", "mp3", "audio/mpeg")]
    [InlineData("opus", "opus", "audio/opus")]
    [InlineData("aac", "aac", "audio/aac")]
    [InlineData("flac", "flac", "audio/flac")]
    [InlineData("wav", "pcm_s16le", "audio/wav")]
    public async Task The_node_sdk_round_trips_every_format(string format, string codec, string contentType)
    {
        var file = Path.Combine(Path.GetTempPath(), $"orator-node-{Guid.NewGuid():N}.{format}");
        try
        {
            var result = await RunNodeAsync(server.BaseAddress + "v1", "sk-anything", "tts-1", "shimmer", format, file);

            Assert.True(result.GetProperty("ok").GetBoolean(), result.ToString());
            Assert.Equal(contentType, result.GetProperty("contentType").GetString());
            var audio = await AudioProbe.ProbeAsync(await File.ReadAllBytesAsync(file));
            Assert.Equal(codec, audio.Codec);
            Assert.Equal("", audio.DecoderErrors);
            Assert.True(audio.DecodedSeconds > 1.0);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task The_node_sdk_sees_openai_shaped_errors()
    {
        var result = await RunNodeAsync(server.BaseAddress + "v1", "sk-anything", "tts-1", "nobody", "mp3", Path.GetTempFileName());

        Assert.False(result.GetProperty("ok").GetBoolean());
        Assert.Equal(400, result.GetProperty("status").GetInt32());
        Assert.Equal("invalid_request_error", result.GetProperty("type").GetString());
        Assert.Equal("voice", result.GetProperty("param").GetString());
    }

    internal static Task<JsonElement> RunNodeAsync(params string[] args) => RunNodeScriptAsync("speech.mjs", args);

    /// <summary>Runs one of tests/node-sdk's scripts with the real SDK; returns the JSON line it prints.</summary>
    internal static async Task<JsonElement> RunNodeScriptAsync(string scriptName, params string[] args)
    {
        var script = Path.Combine(NodeSdkDirectory(), scriptName);
        var info = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(script);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"node failed: {await stderr}");
        using var json = JsonDocument.Parse((await stdout).Trim().Split('\n')[^1]);
        return json.RootElement.Clone();
    }

    private static string NodeSdkDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "node-sdk");
            if (File.Exists(Path.Combine(candidate, "speech.mjs")))
            {
                Assert.True(Directory.Exists(Path.Combine(candidate, "node_modules", "openai")), "run `npm ci` in tests/node-sdk (scripts/test.sh does)");
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("tests/node-sdk not found above " + AppContext.BaseDirectory);
    }
}
