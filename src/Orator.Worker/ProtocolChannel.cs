using Microsoft.Win32.SafeHandles;
using Orator.Worker.Interop;

namespace Orator.Worker;

/// <summary>
/// Moves the protocol to a private copy of stdout and points fd 1 at stderr, so anything a
/// native library prints can never corrupt the binary frames the server reads.
/// </summary>
internal static class ProtocolChannel
{
    private const int StdOut = 1;
    private const int StdErr = 2;

    /// <summary>Returns the stream the worker must write frames to.</summary>
    public static Stream OpenOutput()
    {
        var privateFd = NativeMethods.Dup(StdOut);
        if (privateFd < 0 || NativeMethods.Dup2(StdErr, StdOut) < 0)
        {
            throw new IOException($"Could not set up the worker protocol channel (errno {System.Runtime.InteropServices.Marshal.GetLastPInvokeError()}).");
        }

        return new FileStream(new SafeFileHandle(privateFd, ownsHandle: true), FileAccess.Write, bufferSize: 0);
    }
}
