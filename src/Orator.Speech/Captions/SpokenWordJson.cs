using System.Text.Encodings.Web;
using System.Text.Json;

namespace Orator.Speech.Captions;

/// <summary>
/// The JSON shapes of timed words, one place for every response that carries them: Orator's
/// (<c>{"word","start","end","offset","length"}</c>, plus <c>"approximate":true</c> for an
/// estimate) in captions JSON and SSE words events, and Kokoro-FastAPI's
/// (<c>{"word","start_time","end_time"}</c>) in <c>/dev/captioned_speech</c>. Times are seconds
/// rounded to the millisecond.
/// </summary>
public static class SpokenWordJson
{
    /// <summary>Options for writers of these shapes: served as JSON, never inlined in HTML, so non-ASCII text stays readable.</summary>
    public static JsonWriterOptions WriterOptions { get; } = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes <paramref name="words"/> as an array property <paramref name="name"/> in Orator's shape.</summary>
    public static void WriteWords(Utf8JsonWriter json, string name, IReadOnlyList<SpokenWord> words)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(words);
        json.WriteStartArray(name);
        foreach (var word in words)
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
    }

    /// <summary>Writes <paramref name="words"/> as an array property <paramref name="name"/> in Kokoro-FastAPI's shape.</summary>
    public static void WriteKokoroTimestamps(Utf8JsonWriter json, string name, IReadOnlyList<SpokenWord> words)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(words);
        json.WriteStartArray(name);
        foreach (var word in words)
        {
            json.WriteStartObject();
            json.WriteString("word", word.Word);
            json.WriteNumber("start_time", Seconds(word.Start));
            json.WriteNumber("end_time", Seconds(word.End));
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    /// <summary>Seconds rounded to the millisecond; a decimal prints exactly ("1.234", "2", "0.5"), never a binary-fraction tail.</summary>
    public static decimal Seconds(double seconds) => Math.Round((decimal)seconds, 3, MidpointRounding.AwayFromZero);
}
