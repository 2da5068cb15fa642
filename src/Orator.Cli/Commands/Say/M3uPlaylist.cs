using System.Globalization;
using System.Text;

namespace Orator.Cli.Commands.Say;

/// <summary>
/// An extended M3U playlist of the chapter files: <c>#EXTM3U</c>, then per file
/// <c>#EXTINF:seconds,title</c> (whole seconds, rounded, as every player reads them) and its
/// path relative to the playlist. Written in UTF-8 without a byte-order mark.
/// </summary>
internal static class M3uPlaylist
{
    /// <summary>The playlist text for <paramref name="parts"/>, all in the playlist's folder.</summary>
    public static string Text(IEnumerable<WrittenPart> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var text = new StringBuilder("#EXTM3U\n");
        foreach (var part in parts)
        {
            var title = part.Title.ReplaceLineEndings(" ");
            text.Append(CultureInfo.InvariantCulture, $"#EXTINF:{Math.Round(part.Seconds, MidpointRounding.AwayFromZero):0},{title}\n");
            text.Append(Path.GetFileName(part.Path)).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>Writes the playlist of <paramref name="parts"/> to <paramref name="path"/>.</summary>
    /// <exception cref="IOException">It cannot be written.</exception>
    /// <exception cref="UnauthorizedAccessException">It may not be written.</exception>
    public static Task WriteAsync(string path, IEnumerable<WrittenPart> parts, CancellationToken cancellationToken) =>
        File.WriteAllTextAsync(path, Text(parts), new UTF8Encoding(false), cancellationToken);
}
