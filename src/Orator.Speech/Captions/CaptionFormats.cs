namespace Orator.Speech.Captions;

/// <summary>
/// The one table of caption formats: the name a request or the CLI gives, the file extension and the
/// media type a response carries.
/// </summary>
public static class CaptionFormats
{
    // SubRip has no registered media type; text/srt keeps it a text type (so charset applies and
    // browsers show it), application/x-subrip being the other name in use. See docs/architecture/captions.md.
    private static readonly CaptionFormatEntry[] s_entries =
    [
        new(CaptionFormat.Srt, "srt", ".srt", "text/srt; charset=utf-8"),
        new(CaptionFormat.Vtt, "vtt", ".vtt", "text/vtt; charset=utf-8"),
        new(CaptionFormat.Json, "json", ".json", "application/json"),
    ];

    /// <summary>Every format, in declaration order.</summary>
    public static IReadOnlyList<CaptionFormat> All { get; } = Array.ConvertAll(s_entries, entry => entry.Format);

    /// <summary>The format's name: <c>srt</c>, <c>vtt</c> or <c>json</c>.</summary>
    public static string Name(CaptionFormat format) => Entry(format).Name;

    /// <summary>The format's file extension with its dot: <c>.srt</c>, <c>.vtt</c> or <c>.json</c>.</summary>
    public static string Extension(CaptionFormat format) => Entry(format).Extension;

    /// <summary>The media type of a response in the format, with its charset where it takes one.</summary>
    public static string MediaType(CaptionFormat format) => Entry(format).MediaType;

    /// <summary>Reads a format name (<c>srt</c>, <c>vtt</c>, <c>json</c>), ignoring case and surrounding white space.</summary>
    public static bool TryParse(string? name, out CaptionFormat format)
    {
        string trimmed = name?.Trim() ?? string.Empty;
        foreach (CaptionFormatEntry entry in s_entries)
        {
            if (string.Equals(entry.Name, trimmed, StringComparison.OrdinalIgnoreCase))
            {
                format = entry.Format;
                return true;
            }
        }

        format = default;
        return false;
    }

    /// <summary>Reads the format from a file path or a bare extension (<c>out.srt</c>, <c>.VTT</c>), ignoring case.</summary>
    public static bool TryFromPath(string? path, out CaptionFormat format)
    {
        string extension = Path.GetExtension(path ?? string.Empty);
        foreach (CaptionFormatEntry entry in s_entries)
        {
            if (string.Equals(entry.Extension, extension, StringComparison.OrdinalIgnoreCase))
            {
                format = entry.Format;
                return true;
            }
        }

        format = default;
        return false;
    }

    private static CaptionFormatEntry Entry(CaptionFormat format)
    {
        foreach (CaptionFormatEntry entry in s_entries)
        {
            if (entry.Format == format)
            {
                return entry;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown caption format.");
    }
}
