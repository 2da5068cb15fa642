using System.Text.Json;

namespace Orator.Functional.Tests.Playground;

/// <summary>
/// The pure functions of the playground's words.js, run in Node: how the text is cut into word
/// spans from offsets and lengths, and which word a playback time lights.
/// </summary>
public sealed class WordPiecesTests
{
    [Fact]
    public async Task Pieces_cover_the_text_exactly_and_cut_at_utf16_offsets()
    {
        // "😀" is two UTF-16 code units, so "ok" starts at 12, as the server counts (code points would say 11).
        const string Text = "Hi $3.50 😀 ok.";
        var result = await RunAsync(Text, [Word(0, 2), Word(3, 5), Word(12, 2)]);

        Assert.Equal(["Hi|0", " |-1", "$3.50|1", " 😀 |-1", "ok|2", ".|-1"], result.Pieces);
        Assert.Equal(Text, string.Concat(result.Pieces.Select(p => p[..p.LastIndexOf('|')])));
    }

    [Fact]
    public async Task Entries_outside_the_text_empty_or_overlapping_get_no_span_and_change_no_text()
    {
        const string Text = "one two three";
        var result = await RunAsync(Text, [Word(0, 3), Word(2, 3), Word(4, 0), Word(8, 9), Word(-1, 2), Word(8, 5)]);

        Assert.Equal(["one|0", " two |-1", "three|5"], result.Pieces);
    }

    [Fact]
    public async Task Entries_out_of_order_in_the_text_are_placed_by_offset()
    {
        var result = await RunAsync("a b", [Word(2, 1), Word(0, 1)]);

        Assert.Equal(["a|1", " |-1", "b|0"], result.Pieces);
    }

    [Fact]
    public async Task The_word_lit_is_the_one_whose_start_end_holds_the_time_and_none_in_a_pause()
    {
        object[] words = [Word(0, 1, 0.1, 0.5), Word(2, 1, 0.5, 0.9), Word(4, 1, 1.2, 1.6)];
        double[] times = [0, 0.1, 0.3, 0.5, 0.899, 0.9, 1.0, 1.2, 1.6, 5];
        var result = await RunAsync("a b c", words, times);

        Assert.Equal(
            ["0/-1", "1/0", "1/0", "2/1", "2/1", "2/-1", "2/-1", "3/2", "3/-1", "3/-1"],
            result.Positions);
    }

    private static object Word(int offset, int length, double start = 0, double end = 0) =>
        new { word = "w", start, end, offset, length };

    private static async Task<(string[] Pieces, string[] Positions)> RunAsync(string text, object[] words, double[]? times = null)
    {
        var output = await PlaygroundDriver.WordsAsync([new { text, words, times = times ?? [] }]);
        var result = output[0];
        string[] pieces = [.. result.GetProperty("pieces").EnumerateArray().Select(p => $"{p.GetProperty("text").GetString()}|{p.GetProperty("word").GetInt32()}")];
        string[] positions = [.. result.GetProperty("positions").EnumerateArray().Select(p => $"{p.GetProperty("begun").GetInt32()}/{p.GetProperty("current").GetInt32()}")];
        return (pieces, positions);
    }
}
