using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Orator.Speech.Captions;

/// <summary>
/// Orator's JSON transcript: <c>{"words":[{"word","start","end","offset","length"}],"cues":[{"start","end","text"}]}</c>,
/// times in seconds rounded to the millisecond; a word the engine timed by estimate adds
/// <c>"approximate":true</c>. Written with <see cref="Utf8JsonWriter"/>: no reflection, trimming-safe.
/// </summary>
internal static class JsonCaptionWriter
{
    // Served as application/json, never inlined in HTML: non-ASCII text stays readable instead of \u-escaped.
    private static readonly JsonWriterOptions s_options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Write(CaptionTrack track, IBufferWriter<byte> output)
    {
        using var json = new Utf8JsonWriter(output, s_options);
        json.WriteStartObject();
        json.WriteStartArray("words");
        foreach (SpokenWord word in track.Words)
        {
            json.WriteStartObject();
            json.WriteString("word", word.Word);
            json.WriteNumber("start", Seconds(word.Start));
            json.WriteNumber("end", Seconds(word.End));
            json.WriteNumber("offset", word.Offset);
            json.WriteNumber("length", word.Length);
            if (word.Approximate)
            {
                json.WriteBoolean("approximate", true);
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("cues");
        foreach (CaptionCue cue in track.Cues)
        {
            json.WriteStartObject();
            json.WriteNumber("start", Seconds(cue.Start));
            json.WriteNumber("end", Seconds(cue.End));
            json.WriteString("text", cue.Text);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    // A decimal prints the rounded value exactly ("1.234", "2", "0.5"), never a binary-fraction tail.
    private static decimal Seconds(double seconds) => Math.Round((decimal)seconds, 3, MidpointRounding.AwayFromZero);
}
