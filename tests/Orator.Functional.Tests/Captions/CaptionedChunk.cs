using System.Text.Json;

namespace Orator.Functional.Tests.Captions;

/// <summary>One line (or the one object) of a <c>/dev/captioned_speech</c> answer: Kokoro-FastAPI's shape.</summary>
public sealed record CaptionedChunk(byte[] Audio, string AudioFormat, IReadOnlyList<(string Word, double Start, double End)>? Timestamps)
{
    public static CaptionedChunk Parse(string line)
    {
        using var json = JsonDocument.Parse(line);
        var root = json.RootElement;
        Assert.Equal(["audio", "audio_format", "timestamps"], root.EnumerateObject().Select(p => p.Name));
        var timestamps = root.GetProperty("timestamps");
        return new CaptionedChunk(
            Convert.FromBase64String(root.GetProperty("audio").GetString()!),
            root.GetProperty("audio_format").GetString()!,
            timestamps.ValueKind == JsonValueKind.Null ? null : [.. timestamps.EnumerateArray().Select(word =>
            {
                Assert.Equal(["word", "start_time", "end_time"], word.EnumerateObject().Select(p => p.Name));
                return (word.GetProperty("word").GetString()!, word.GetProperty("start_time").GetDouble(), word.GetProperty("end_time").GetDouble());
            })]);
    }
}
