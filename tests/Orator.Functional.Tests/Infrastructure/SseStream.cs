using System.Text;
using System.Text.Json;

namespace Orator.Functional.Tests.Infrastructure;

/// <summary>A parsed <c>stream_format: "sse"</c> body, checked line by line against the contract.</summary>
public sealed record SseStream(byte[] Audio, int Deltas, JsonElement Usage, bool DoneMarker)
{
    public static SseStream Parse(string body)
    {
        var audio = new MemoryStream();
        var deltas = 0;
        JsonElement? usage = null;
        var done = false;
        foreach (var block in body.Split("\n\n", StringSplitOptions.RemoveEmptyEntries))
        {
            Assert.False(done, "an event came after data: [DONE]");
            Assert.StartsWith("data: ", block, StringComparison.Ordinal);
            Assert.DoesNotContain('\n', block);
            var data = block["data: ".Length..];
            if (data == "[DONE]")
            {
                done = true;
                continue;
            }

            using var json = JsonDocument.Parse(data);
            var type = json.RootElement.GetProperty("type").GetString();
            if (type == "speech.audio.delta")
            {
                Assert.Null(usage);
                var bytes = Convert.FromBase64String(json.RootElement.GetProperty("audio").GetString()!);
                audio.Write(bytes);
                deltas++;
            }
            else
            {
                Assert.Equal("speech.audio.done", type);
                usage = json.RootElement.GetProperty("usage").Clone();
            }
        }

        Assert.True(usage.HasValue, "no speech.audio.done event");
        return new SseStream(audio.ToArray(), deltas, usage.Value, done);
    }

    public static SseStream Parse(byte[] body) => Parse(Encoding.UTF8.GetString(body));
}
