using System.Text;
using System.Text.Json;

namespace Orator.Functional.Tests.Captions;

/// <summary>One entry of a <c>speech.audio.words</c> event or of captions JSON: Orator's word shape.</summary>
public sealed record TimedWord(string Word, double Start, double End, int Offset, int Length, bool Approximate)
{
    /// <summary>Reads <c>{"word","start","end","offset","length"}</c> (and <c>"approximate": true</c> on an estimate), failing on any other member.</summary>
    public static TimedWord Read(JsonElement json)
    {
        var names = json.EnumerateObject().Select(p => p.Name).ToArray();
        Assert.Equal(["word", "start", "end", "offset", "length"], names.Where(n => n != "approximate"));
        var approximate = json.TryGetProperty("approximate", out var a) && a.GetBoolean();
        return new TimedWord(
            json.GetProperty("word").GetString()!,
            json.GetProperty("start").GetDouble(),
            json.GetProperty("end").GetDouble(),
            json.GetProperty("offset").GetInt32(),
            json.GetProperty("length").GetInt32(),
            approximate);
    }

    public static IReadOnlyList<TimedWord> ReadAll(JsonElement array) => [.. array.EnumerateArray().Select(Read)];
}

/// <summary>One event of an SSE speech stream, in the order it came: audio (a delta) or words.</summary>
/// <param name="Audio">The delta's bytes; empty for a words event.</param>
/// <param name="Words">The words event's entries; null for a delta.</param>
/// <param name="AudioBefore">Audio bytes delivered by the deltas before this event.</param>
public sealed record SseEvent(byte[] Audio, IReadOnlyList<TimedWord>? Words, long AudioBefore);

/// <summary>
/// A <c>stream_format: "sse"</c> body that may carry <c>speech.audio.words</c> events, checked line
/// by line against the contract: every event is one <c>data:</c> line, deltas and words come before
/// the one <c>speech.audio.done</c>, and <c>data: [DONE]</c> ends it.
/// </summary>
public sealed record TimedSse(IReadOnlyList<SseEvent> Events, byte[] Audio)
{
    /// <summary>Every word of every words event, in order.</summary>
    public IReadOnlyList<TimedWord> Words => [.. Events.Where(e => e.Words is not null).SelectMany(e => e.Words!)];

    /// <summary>The words events alone.</summary>
    public IReadOnlyList<SseEvent> WordsEvents => [.. Events.Where(e => e.Words is not null)];

    public static TimedSse Parse(byte[] body)
    {
        var events = new List<SseEvent>();
        var audio = new MemoryStream();
        var done = false;
        var usage = false;
        foreach (var block in Encoding.UTF8.GetString(body).Split("\n\n", StringSplitOptions.RemoveEmptyEntries))
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

            Assert.False(usage, "an event came after speech.audio.done");
            using var json = JsonDocument.Parse(data);
            switch (json.RootElement.GetProperty("type").GetString())
            {
                case "speech.audio.delta":
                    var bytes = Convert.FromBase64String(json.RootElement.GetProperty("audio").GetString()!);
                    Assert.NotEmpty(bytes);
                    events.Add(new SseEvent(bytes, null, audio.Length));
                    audio.Write(bytes);
                    break;
                case "speech.audio.words":
                    Assert.Equal(["type", "words"], json.RootElement.EnumerateObject().Select(p => p.Name));
                    events.Add(new SseEvent([], TimedWord.ReadAll(json.RootElement.GetProperty("words")), audio.Length));
                    break;
                case var type:
                    Assert.Equal("speech.audio.done", type);
                    usage = true;
                    break;
            }
        }

        Assert.True(usage, "no speech.audio.done event");
        Assert.True(done, "no data: [DONE]");
        return new TimedSse(events, audio.ToArray());
    }
}
