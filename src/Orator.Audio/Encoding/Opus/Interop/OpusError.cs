using System.Runtime.InteropServices;

namespace Orator.Audio.Encoding.Opus.Interop;

/// <summary>The one place libopus error codes become exceptions.</summary>
internal static class OpusError
{
    /// <summary><c>OPUS_OK</c> (opus_defines.h).</summary>
    public const int Ok = 0;

    /// <summary><c>OPUS_ALLOC_FAIL</c> (opus_defines.h).</summary>
    public const int AllocFail = -7;

    /// <summary>Throws unless <paramref name="code"/> is <see cref="Ok"/> or a non-negative result.</summary>
    /// <param name="code">A libopus return value; negative values are <c>OPUS_*</c> error codes.</param>
    /// <param name="operation">What was attempted, completing "libopus failed to ...".</param>
    /// <exception cref="InvalidOperationException"><paramref name="code"/> is an error code.</exception>
    public static void ThrowIfFailed(int code, string operation)
    {
        if (code < Ok)
        {
            throw new InvalidOperationException($"libopus failed to {operation}: {Name(code)} ({Describe(code)}).");
        }
    }

    private static string Name(int code) => code switch
    {
        -1 => "OPUS_BAD_ARG",
        -2 => "OPUS_BUFFER_TOO_SMALL",
        -3 => "OPUS_INTERNAL_ERROR",
        -4 => "OPUS_INVALID_PACKET",
        -5 => "OPUS_UNIMPLEMENTED",
        -6 => "OPUS_INVALID_STATE",
        AllocFail => "OPUS_ALLOC_FAIL",
        _ => $"error code {code}",
    };

    private static unsafe string Describe(int code)
        => Marshal.PtrToStringUTF8((nint)NativeMethods.StrError(code)) ?? "no description";
}
