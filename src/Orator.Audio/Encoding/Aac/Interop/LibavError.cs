using System.Runtime.InteropServices;

namespace Orator.Audio.Encoding.Aac.Interop;

/// <summary>The one place libav error codes become exceptions, with <c>av_strerror</c>'s description.</summary>
internal static unsafe class LibavError
{
    private const int MessageCapacity = 128;

    /// <summary>Throws <see cref="InvalidOperationException"/> when <paramref name="result"/> is negative (an <c>AVERROR</c>).</summary>
    public static void ThrowIfFailed(int result, string operation)
    {
        if (result < 0)
        {
            throw Failure(result, operation);
        }
    }

    /// <summary>An exception for a failed libav call.</summary>
    public static InvalidOperationException Failure(int error, string operation) =>
        new($"libavcodec failed to {operation}: {Describe(error)} (AVERROR {error}).");

    /// <summary>An exception for an allocation that returned NULL.</summary>
    public static InvalidOperationException AllocationFailed(string what) =>
        new($"libav could not allocate {what} (out of memory).");

    private static string Describe(int error)
    {
        byte* buffer = stackalloc byte[MessageCapacity];
        if (NativeMethods.StrError(error, buffer, MessageCapacity) < 0)
        {
            return "unknown error";
        }

        return Marshal.PtrToStringUTF8((nint)buffer) ?? "unknown error";
    }
}
