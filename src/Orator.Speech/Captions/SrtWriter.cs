using System.Buffers;
using System.Globalization;
using System.Text;

namespace Orator.Speech.Captions;

/// <summary>
/// SubRip: each cue as its 1-based number, <c>start --> end</c> with comma milliseconds, its lines and
/// a blank line. Text is written as it is: SRT has no escaping, and a cue's lines are never blank.
/// </summary>
internal static class SrtWriter
{
    public static void Write(CaptionTrack track, IBufferWriter<byte> output)
    {
        Span<char> line = stackalloc char[(2 * CaptionTimestamp.MaxLength) + 32];
        for (int i = 0; i < track.Cues.Count; i++)
        {
            CaptionCue cue = track.Cues[i];
            line.TryWrite(CultureInfo.InvariantCulture, $"{i + 1}\n", out int length);
            length += CaptionTimestamp.Format(cue.Start, ',', line[length..]);
            " --> ".CopyTo(line[length..]);
            length += 5;
            length += CaptionTimestamp.Format(cue.End, ',', line[length..]);
            line[length++] = '\n';
            Encoding.UTF8.GetBytes(line[..length], output);
            Encoding.UTF8.GetBytes(cue.Text, output);
            Encoding.UTF8.GetBytes("\n\n", output);
        }
    }
}
