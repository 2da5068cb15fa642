using System.Runtime.InteropServices;

namespace Orator.Audio.Encoding.Flac.Interop;

/// <summary>Probes, once per process, whether libFLAC can be loaded.</summary>
internal static class FlacLibrary
{
    /// <summary>Null when <c>libFLAC.so.12</c> loads and exports what the encoder calls; otherwise what to install.</summary>
    public static string? Problem { get; } = Probe();

    private static string? Probe()
    {
        // The handle is deliberately kept: the [LibraryImport] stubs resolve the same soname.
        if (!NativeLibrary.TryLoad(FlacNativeMethods.LibraryName, out nint library))
        {
            return $"FLAC encoder library not found ({FlacNativeMethods.LibraryName}): install the Debian package libflac12.";
        }

        foreach (string export in (ReadOnlySpan<string>)["FLAC__stream_encoder_new", "FLAC__stream_encoder_init_stream", "FLAC__stream_encoder_get_resolved_state_string"])
        {
            if (!NativeLibrary.TryGetExport(library, export, out _))
            {
                return $"{FlacNativeMethods.LibraryName} does not export {export}: install libFLAC 1.4 (Debian package libflac12).";
            }
        }

        return null;
    }
}
