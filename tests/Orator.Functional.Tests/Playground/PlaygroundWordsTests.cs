using System.Text.Json;
using Orator.Functional.Tests.Infrastructure;

namespace Orator.Functional.Tests.Playground;

/// <summary>
/// Word highlighting in the playground, in headless Chromium against a real server: the words of
/// the SSE <c>speech.audio.words</c> events light up in the text while the audio element plays.
/// What the page showed is compared with the words the server sent (read from the same response).
/// </summary>
[Collection(OpenServerCollection.Name)]
public sealed class PlaygroundWordsTests(OpenServerFixture server)
{
    // Multi-sentence (several chunks, so several words events), a reading that is one entry
    // ("$3.50" is spoken as "three dollars and fifty cents"), a line break and an emoji before the
    // end: UTF-16 offsets after it must still land on the right characters.
    private const string Text = "The tickets cost $3.50 each. We bought four of them on Tuesday, which came to fourteen dollars.\n"
        + "Then we walked home in the rain 🌧 and had soup.";

    // A frame at 60 Hz is 17 ms; the page and the sampler run in the same frame, but a rebuild when
    // words arrive can put the page one frame behind; mp3 decoders may differ from the server's
    // measured delay by a few ms.
    private const double Tolerance = 0.1;

    [Theory]
    [InlineData("alloy", "mp3", "1")] // MediaSource: words arrive while the audio plays
    [InlineData("fable", "wav", "1.5")] // after download, faster: the times already include the speed
    public async Task Words_light_up_in_order_at_the_playback_time_and_cover_exactly_their_input_text(string voice, string format, string speed)
    {
        var page = await PlaygroundDriver.RunCaseAsync(server.BaseAddress, "words", voice, format, speed, Text);

        var request = page.GetProperty("request");
        Assert.Equal("sse", request.GetProperty("stream_format").GetString());
        Assert.True(request.GetProperty("timestamps").GetBoolean());
        Assert.StartsWith("text/event-stream", page.GetProperty("contentType").GetString(), StringComparison.Ordinal);
        Assert.True(page.GetProperty("errorHidden").GetBoolean());
        Assert.Equal("", page.GetProperty("note").GetString());

        var words = Words(page.GetProperty("words"));
        Assert.True(page.GetProperty("wordEvents").GetInt32() > 1, "one words event per chunk");
        Assert.True(words.Length >= 20, $"{words.Length} words");
        Assert.Equal([.. words.OrderBy(w => w.Start)], words);

        // (a) The text shown is the input, unchanged; each word's span is input[offset, offset + length).
        Assert.Equal(Text, page.GetProperty("shown").GetString());
        var spans = page.GetProperty("spans").EnumerateArray().ToDictionary(s => s.GetProperty("index").GetInt32(), s => s.GetProperty("text").GetString());
        Assert.Equal(words.Length, spans.Count);
        for (var i = 0; i < words.Length; i++)
        {
            Assert.Equal(Text.Substring(words[i].Offset, words[i].Length), spans[i]);
        }

        var price = Array.FindIndex(words, w => w.Word == "$3.50");
        Assert.True(price >= 0, "one entry for $3.50");
        Assert.Equal("$3.50", spans[price]);
        Assert.Equal("soup", spans[Array.FindIndex(words, w => w.Word == "soup")]); // after the emoji's two UTF-16 units

        // The text was rebuilt as words events arrived, not once at the end.
        var counts = Ints(page.GetProperty("counts"));
        Assert.Equal(words.Length, counts[^1]);
        Assert.Contains(counts, c => c > 0 && c < words.Length);

        // (b) The highlight moves forward through the words, each lit while it is heard.
        var order = page.GetProperty("order").EnumerateArray().Select(o => (Index: o.GetProperty("index").GetInt32(), Time: o.GetProperty("time").GetDouble())).ToArray();
        var visited = order.Select(o => o.Index).Where((index, i) => i == 0 || index != order[i - 1].Index).ToArray();
        Assert.True(visited.Zip(visited.Skip(1)).All(p => p.First < p.Second), "in order: " + string.Join(",", visited));
        Assert.True(visited.Length >= words.Length * 9 / 10, $"{visited.Length} of {words.Length} words were lit");
        Assert.Equal(0, visited[0]);
        Assert.All(order, o => Assert.InRange(o.Time, words[o.Index].Start - Tolerance, words[o.Index].End + Tolerance));

        // (c) At each sampled frame the word lit is the one whose [start, end) holds the playback time.
        var samples = page.GetProperty("samples").EnumerateArray().Select(s => (Time: s.GetProperty("time").GetDouble(), Current: s.GetProperty("current").GetInt32())).ToArray();
        Assert.True(samples.Length >= 30, $"{samples.Length} samples");
        var wrong = samples.Where(s => s.Current >= 0
                ? s.Time < words[s.Current].Start - Tolerance || s.Time >= words[s.Current].End + Tolerance
                : s.Current != -1 || words.Any(w => w.Start + Tolerance <= s.Time && s.Time < w.End - Tolerance))
            .Select(s => FormattableString.Invariant($"{s.Time:0.000}s lit {s.Current}"))
            .ToArray();
        Assert.True(wrong.Length == 0, string.Join("; ", wrong));
        Assert.True(samples.Count(s => s.Current >= 0) >= samples.Length / 2, "a word is lit most of the time");

        // At the end every word is spoken and none is current.
        Assert.Equal(words.Length, page.GetProperty("ended").GetProperty("spoken").GetInt32());
        Assert.Equal(0, page.GetProperty("ended").GetProperty("current").GetInt32());

        // Replay: a seek while paused lights the word at the new time; after a pause the state matches the time exactly.
        var middle = words.Length / 2;
        Assert.Equal(middle, page.GetProperty("seek").GetProperty("current").GetInt32());
        Assert.Equal(middle, page.GetProperty("seek").GetProperty("spoken").GetInt32());
        var paused = page.GetProperty("paused");
        var time = paused.GetProperty("time").GetDouble();
        Assert.True(time > words[middle].Start, "played on after the seek");
        var begun = words.Count(w => w.Start <= time);
        var heard = begun > 0 && time < words[begun - 1].End ? begun - 1 : -1;
        Assert.Equal(heard, paused.GetProperty("current").GetInt32());
        Assert.Equal(heard >= 0 ? begun - 1 : begun, paused.GetProperty("spoken").GetInt32());
    }

    [Fact]
    public async Task With_highlighting_off_play_sends_the_plain_request_and_shows_no_words()
    {
        var page = await PlaygroundDriver.RunCaseAsync(server.BaseAddress, "play", "alloy", "mp3", "plain");

        Assert.False(page.GetProperty("sse").GetBoolean());
        Assert.Equal(0, page.GetProperty("spans").GetInt32());
        Assert.True(page.GetProperty("wordsHidden").GetBoolean());
        Assert.Equal("streaming (MediaSource)", page.GetProperty("mode").GetString());
        Assert.True(page.GetProperty("currentTime").GetDouble() > 0.1, "the element played");
    }

    private static SpokenWord[] Words(JsonElement array) =>
    [
        .. array.EnumerateArray().Select(w => new SpokenWord(
            w.GetProperty("word").GetString()!, w.GetProperty("start").GetDouble(), w.GetProperty("end").GetDouble(),
            w.GetProperty("offset").GetInt32(), w.GetProperty("length").GetInt32())),
    ];

    private static int[] Ints(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetInt32())];

    private readonly record struct SpokenWord(string Word, double Start, double End, int Offset, int Length);
}
