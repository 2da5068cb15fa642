namespace Orator.Audio.Metering;

/// <summary>
/// The ID3v2 tag some MP3, ADTS and FLAC files start with: "ID3", version, flags and a 28-bit
/// sync-safe size, then the tag body and, when flagged, a 10-byte footer (id3.org, ID3v2.4 section 3).
/// </summary>
internal static class Id3v2Tag
{
    /// <summary>Length of the tag header, which holds the tag's size.</summary>
    public const int HeaderLength = 10;

    private const byte FooterPresent = 0x10;

    /// <summary>
    /// When <paramref name="header"/> (at least <see cref="HeaderLength"/> bytes) starts an ID3v2
    /// tag, its whole length in bytes, header and footer included.
    /// </summary>
    public static bool TryGetLength(ReadOnlySpan<byte> header, out long length)
    {
        length = 0;
        if (header.Length < HeaderLength || !header.StartsWith("ID3"u8) || header[3] == 0xFF || header[4] == 0xFF)
        {
            return false;
        }

        long size = 0;
        for (int i = 6; i < 10; i++)
        {
            if (header[i] >= 0x80)
            {
                return false;
            }

            size = (size << 7) | header[i];
        }

        length = HeaderLength + size + ((header[5] & FooterPresent) != 0 ? HeaderLength : 0);
        return true;
    }
}
