using System.Buffers;
using System.Text;

namespace Orator.Speech.Captions;

/// <summary>
/// WebVTT: the <c>WEBVTT</c> header and a blank line, then each cue as <c>start --> end</c> with
/// dot milliseconds, its lines and a blank line. <c>&amp;</c>, <c>&lt;</c> and <c>&gt;</c> are written
/// as character references, so cue text never holds markup or the <c>--&gt;</c> arrow.
/// </summary>
internal static class VttWriter
{
    private static readonly SearchValues<char> s_special = SearchValues.Create("&<>");

    public static void Write(CaptionTrack track, IBufferWriter<byte> output)
    {
        Encoding.UTF8.GetBytes("WEBVTT\n\n", output);
        Span<char> line = stackalloc char[(2 * CaptionTimestamp.MaxLength) + 8];
        foreach (CaptionCue cue in track.Cues)
        {
            int length = CaptionTimestamp.Format(cue.Start, '.', line);
            " --> ".CopyTo(line[length..]);
            length += 5;
            length += CaptionTimestamp.Format(cue.End, '.', line[length..]);
            line[length++] = '\n';
            Encoding.UTF8.GetBytes(line[..length], output);
            WriteEscaped(cue.Text, output);
            Encoding.UTF8.GetBytes("\n\n", output);
        }
    }

    private static void WriteEscaped(ReadOnlySpan<char> text, IBufferWriter<byte> output)
    {
        int special;
        while ((special = text.IndexOfAny(s_special)) >= 0)
        {
            Encoding.UTF8.GetBytes(text[..special], output);
            Encoding.UTF8.GetBytes(text[special] switch { '&' => "&amp;", '<' => "&lt;", _ => "&gt;" }, output);
            text = text[(special + 1)..];
        }

        Encoding.UTF8.GetBytes(text, output);
    }
}
