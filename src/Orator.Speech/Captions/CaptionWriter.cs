using System.Buffers;
using System.Text;

namespace Orator.Speech.Captions;

/// <summary>Writes a <see cref="CaptionTrack"/> as SRT, WebVTT or JSON, in UTF-8 without a byte-order mark.</summary>
public static class CaptionWriter
{
    /// <summary>Writes the track to <paramref name="output"/> (a response's <c>PipeWriter</c>, an <see cref="ArrayBufferWriter{T}"/>).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="format"/> is not a defined format.</exception>
    public static void Write(CaptionTrack track, CaptionFormat format, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(track);
        ArgumentNullException.ThrowIfNull(output);
        switch (format)
        {
            case CaptionFormat.Srt:
                SrtWriter.Write(track, output);
                break;
            case CaptionFormat.Vtt:
                VttWriter.Write(track, output);
                break;
            case CaptionFormat.Json:
                JsonCaptionWriter.Write(track, output);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown caption format.");
        }
    }

    /// <summary>The track as a whole file's text (for the CLI and tests).</summary>
    public static string ToText(CaptionTrack track, CaptionFormat format)
    {
        var buffer = new ArrayBufferWriter<byte>();
        Write(track, format, buffer);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
