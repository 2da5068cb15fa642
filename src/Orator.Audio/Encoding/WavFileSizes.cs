using System.Buffers.Binary;

namespace Orator.Audio.Encoding;

/// <summary>
/// Completes a WAV file written by the streaming <see cref="WavEncoder"/>: once the whole file
/// exists its length is known, so the RIFF and data chunk sizes the header left as "unknown"
/// (0xFFFFFFFF) can be filled in, as players that read the header for the duration expect.
/// </summary>
public static class WavFileSizes
{
    /// <summary>
    /// Writes the real sizes into the header of the seekable <paramref name="file"/>. Does nothing
    /// (false) for a stream that cannot seek, one that does not start with Orator's canonical
    /// 44-byte header, or a file too large for WAV's 32-bit sizes (the "unknown" sizes then stay).
    /// </summary>
    public static bool TryWrite(Stream file)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (!file.CanSeek || !file.CanRead || !file.CanWrite || file.Length < WavEncoder.HeaderLength || file.Length > uint.MaxValue)
        {
            return false;
        }

        Span<byte> header = stackalloc byte[WavEncoder.HeaderLength];
        file.Position = 0;
        file.ReadExactly(header);
        if (!header[..4].SequenceEqual("RIFF"u8) || !header[8..12].SequenceEqual("WAVE"u8) || !header[36..40].SequenceEqual("data"u8))
        {
            return false;
        }

        Span<byte> size = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(size, (uint)(file.Length - 8));
        file.Position = 4;
        file.Write(size);
        BinaryPrimitives.WriteUInt32LittleEndian(size, (uint)(file.Length - WavEncoder.HeaderLength));
        file.Position = 40;
        file.Write(size);
        file.Flush();
        return true;
    }
}
