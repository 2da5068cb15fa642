using System.Globalization;
using System.Text;

namespace Orator.Engines.Workers;

/// <summary>
/// Identifies the installed native engines by their files: every Flite and espeak-ng library
/// and espeak-ng's phoneme data, each as its real (versioned) file name, size and modification
/// time. An upgraded engine package changes it, so renders stored by the old engine (the disk
/// render cache) are not served for the new one.
/// </summary>
public static class EngineLibraries
{
    private static readonly string[] Folders =
    [
        "/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/usr/lib64", "/usr/lib", "/usr/local/lib",
    ];

    /// <summary>The engines' files as one line each, sorted; empty when none is found.</summary>
    public static string Fingerprint()
    {
        var lines = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var folder in Folders.Where(Directory.Exists))
        {
            foreach (var pattern in new[] { "libflite*.so*", "libespeak-ng.so*" })
            {
                foreach (var file in Directory.EnumerateFiles(folder, pattern))
                {
                    Add(lines, file);
                }
            }

            Add(lines, Path.Combine(folder, "espeak-ng-data", "phondata"));
        }

        var text = new StringBuilder();
        foreach (var line in lines)
        {
            text.Append(line).Append('\n');
        }

        return text.ToString();
    }

    private static void Add(SortedSet<string> lines, string path)
    {
        try
        {
            var info = new FileInfo(path);
            if (info.ResolveLinkTarget(returnFinalTarget: true) is FileInfo target)
            {
                info = target;
            }

            if (info.Exists)
            {
                lines.Add(string.Create(CultureInfo.InvariantCulture, $"{info.FullName}|{info.Length}|{info.LastWriteTimeUtc.Ticks}"));
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Unreadable: it cannot be told apart, and leaving it out is safe only for a file
            // that was never readable; the others are still listed.
        }
    }
}
