using System.Text.Json;
using Orator.Speech.Captions;

namespace Orator.Speech.Tests.Captions;

/// <summary>The SRT, WebVTT and JSON files written from a track.</summary>
public sealed class CaptionWriterTests
{
    private static readonly CaptionTrack s_track = new(
        [new SpokenWord("Tom", 0.5, 0.8, 0, 3), new SpokenWord("&", 0.9, 1.0, 4, 1, Approximate: true), new SpokenWord("Jérôme", 1.1, 1.2346, 6, 6)],
        [new CaptionCue(0.5, 1.0, "Tom & <Jérôme>"), new CaptionCue(1.25, 3723.004, "a --> b\nsecond line")]);

    [Fact]
    public void Srt_numbers_cues_from_one_with_comma_milliseconds()
    {
        Assert.Equal(
            "1\n00:00:00,500 --> 00:00:01,000\nTom & <Jérôme>\n\n2\n00:00:01,250 --> 01:02:03,004\na --> b\nsecond line\n\n",
            CaptionWriter.ToText(s_track, CaptionFormat.Srt));
    }

    [Fact]
    public void WebVtt_has_its_header_dot_milliseconds_and_escaped_text()
    {
        Assert.Equal(
            "WEBVTT\n\n00:00:00.500 --> 00:00:01.000\nTom &amp; &lt;Jérôme&gt;\n\n00:00:01.250 --> 01:02:03.004\na --&gt; b\nsecond line\n\n",
            CaptionWriter.ToText(s_track, CaptionFormat.Vtt));
    }

    [Theory]
    [InlineData(CaptionFormat.Srt, "")]
    [InlineData(CaptionFormat.Vtt, "WEBVTT\n\n")]
    [InlineData(CaptionFormat.Json, "{\"words\":[],\"cues\":[]}")]
    public void An_empty_track_is_a_valid_empty_file(CaptionFormat format, string expected)
    {
        Assert.Equal(expected, CaptionWriter.ToText(CaptionBuilder.Build("Silence.", []), format));
    }

    [Fact]
    public void Json_holds_the_words_and_the_cues_with_times_rounded_to_milliseconds()
    {
        string json = CaptionWriter.ToText(s_track, CaptionFormat.Json);

        using JsonDocument document = JsonDocument.Parse(json);
        JsonElement[] words = [.. document.RootElement.GetProperty("words").EnumerateArray()];
        JsonElement[] cues = [.. document.RootElement.GetProperty("cues").EnumerateArray()];
        Assert.Equal(
            [("Tom", 0.5, 0.8, 0, 3), ("&", 0.9, 1.0, 4, 1), ("Jérôme", 1.1, 1.235, 6, 6)],
            words.Select(w => (w.GetProperty("word").GetString(), w.GetProperty("start").GetDouble(), w.GetProperty("end").GetDouble(),
                w.GetProperty("offset").GetInt32(), w.GetProperty("length").GetInt32())));
        Assert.Equal([false, true, false], words.Select(w => w.TryGetProperty("approximate", out JsonElement a) && a.GetBoolean()));
        Assert.Equal(
            [(0.5, 1.0, "Tom & <Jérôme>"), (1.25, 3723.004, "a --> b\nsecond line")],
            cues.Select(c => (c.GetProperty("start").GetDouble(), c.GetProperty("end").GetDouble(), c.GetProperty("text").GetString())));
        Assert.Contains("\"Jérôme\"", json, StringComparison.Ordinal);
        Assert.Contains("\"end\":1.235,", json, StringComparison.Ordinal);
    }

    [Fact]
    public void A_built_track_round_trips_through_json()
    {
        const string Text = "It was late. The rain had stopped, and nobody was awake.";
        CaptionTrack track = CaptionBuilder.Build(Text, TimedWords.For(Text));

        using JsonDocument document = JsonDocument.Parse(CaptionWriter.ToText(track, CaptionFormat.Json));

        Assert.Equal(
            track.Cues,
            document.RootElement.GetProperty("cues").EnumerateArray()
                .Select(c => new CaptionCue(c.GetProperty("start").GetDouble(), c.GetProperty("end").GetDouble(), c.GetProperty("text").GetString()!)));
        Assert.Equal(
            track.Words.Select(w => w.Word),
            document.RootElement.GetProperty("words").EnumerateArray().Select(w => Text.Substring(w.GetProperty("offset").GetInt32(), w.GetProperty("length").GetInt32())));
    }

    [Fact]
    public void Every_format_writes_the_same_bytes_to_a_buffer_as_its_text()
    {
        foreach (CaptionFormat format in CaptionFormats.All)
        {
            var buffer = new System.Buffers.ArrayBufferWriter<byte>();
            CaptionWriter.Write(s_track, format, buffer);

            Assert.Equal(System.Text.Encoding.UTF8.GetBytes(CaptionWriter.ToText(s_track, format)), buffer.WrittenSpan.ToArray());
            Assert.False(buffer.WrittenSpan.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]));
        }
    }
}
