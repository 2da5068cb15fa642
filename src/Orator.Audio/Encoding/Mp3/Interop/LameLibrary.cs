using System.Runtime.InteropServices;

namespace Orator.Audio.Encoding.Mp3.Interop;

/// <summary>Probes, once per process, whether LAME can be loaded.</summary>
internal static class LameLibrary
{
    /// <summary>Null when <c>libmp3lame.so.0</c> loads and exports what the encoder calls; otherwise what to install.</summary>
    public static string? Problem { get; } = Probe();

    private static string? Probe()
    {
        // The handle is deliberately kept: the [LibraryImport] stubs resolve the same soname.
        if (!NativeLibrary.TryLoad(LameNativeMethods.LibraryName, out nint library))
        {
            return $"LAME MP3 encoder library not found ({LameNativeMethods.LibraryName}): install the Debian package libmp3lame0.";
        }

        foreach (string export in (ReadOnlySpan<string>)["lame_init", "lame_encode_buffer", "lame_encode_flush", "lame_set_write_id3tag_automatic"])
        {
            if (!NativeLibrary.TryGetExport(library, export, out _))
            {
                return $"{LameNativeMethods.LibraryName} does not export {export}: install LAME 3.100 or later (Debian package libmp3lame0).";
            }
        }

        return null;
    }
}
