using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;

namespace Orator.Audio.Encoding.Opus.Interop;

/// <summary>Finds out, once per process, whether libopus can be used here.</summary>
internal static class OpusLibrary
{
    private static readonly string[] RequiredExports =
        ["opus_encoder_create", "opus_encoder_destroy", "opus_encode", "opus_encoder_ctl", "opus_strerror"];

    private static readonly Lazy<string?> Problem = new(Probe);

    /// <summary>True when libopus loads and has the encoder API; otherwise says why. Never throws.</summary>
    public static bool IsAvailable([NotNullWhen(false)] out string? problem)
    {
        problem = Problem.Value;
        return problem is null;
    }

    private static string? Probe()
    {
        if (OperatingSystem.IsMacOS() && RuntimeInformation.ProcessArchitecture == Architecture.Arm64)
        {
            // Variadic arguments go on the stack there; see the remarks on NativeMethods.
            return "The Opus encoder calls the variadic opus_encoder_ctl with a fixed signature, which is not safe on Apple arm64.";
        }

        if (!NativeLibrary.TryLoad(NativeMethods.LibraryName, typeof(OpusLibrary).Assembly, null, out nint library))
        {
            return $"The Opus encoder needs {NativeMethods.LibraryName}, which could not be loaded; install the Debian package libopus0 (apt-get install libopus0).";
        }

        foreach (string export in RequiredExports)
        {
            if (!NativeLibrary.TryGetExport(library, export, out _))
            {
                return $"{NativeMethods.LibraryName} has no '{export}' export; install libopus 1.x (Debian package libopus0).";
            }
        }

        return null;
    }
}
