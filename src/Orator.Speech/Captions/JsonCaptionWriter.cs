using System.Buffers;
using System.Text.Json;

namespace Orator.Speech.Captions;

/// <summary>
/// Orator's JSON transcript: <c>{"words":[{"word","start","end","offset","length"}],"cues":[{"start","end","text"}]}</c>,
/// times in seconds rounded to the millisecond; a word the engine timed by estimate adds
/// <c>"approximate":true</c>. Written with <see cref="Utf8JsonWriter"/>: no reflection, trimming-safe.
/// </summary>
internal static class JsonCaptionWriter
{
    public static void Write(CaptionTrack track, IBufferWriter<byte> output)
    {
        using var json = new Utf8JsonWriter(output, SpokenWordJson.WriterOptions);
        json.WriteStartObject();
        SpokenWordJson.WriteWords(json, "words", track.Words);
        json.WriteStartArray("cues");
        foreach (CaptionCue cue in track.Cues)
        {
            json.WriteStartObject();
            json.WriteNumber("start", SpokenWordJson.Seconds(cue.Start));
            json.WriteNumber("end", SpokenWordJson.Seconds(cue.End));
            json.WriteString("text", cue.Text);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }
}
