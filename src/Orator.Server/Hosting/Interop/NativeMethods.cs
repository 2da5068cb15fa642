using System.Globalization;
using System.Runtime.InteropServices;

namespace Orator.Server.Hosting.Interop;

/// <summary>libc's signal(2), for the one thing .NET's signal API will not do (see <see cref="ReloadSignal"/>).</summary>
internal static partial class NativeMethods
{
    private const int SigHup = 1; // SIGHUP on Linux
    private const nint SigDfl = 0; // SIG_DFL

    /// <summary>
    /// When SIGHUP is ignored (the process was started under <c>nohup</c>, or by a parent that
    /// ignores it), puts back the default disposition and returns true; otherwise changes nothing.
    /// Linux only: the ignored set is read from <c>/proc/self/status</c>, so a handler already
    /// in place is never touched.
    /// </summary>
    public static bool UnignoreSigHup()
    {
        if (!OperatingSystem.IsLinux() || !IsIgnored(SigHup))
        {
            return false;
        }

        _ = Signal(SigHup, SigDfl);
        return true;
    }

    private static bool IsIgnored(int signal)
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            // "SigIgn:\t0000000000001001": a hexadecimal mask, bit n-1 for signal n.
            if (line.StartsWith("SigIgn:", StringComparison.Ordinal))
            {
                return ulong.TryParse(line.AsSpan(7).Trim(), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var mask)
                    && (mask & (1UL << (signal - 1))) != 0;
            }
        }

        return false;
    }

    /// <summary>signal(2): https://man7.org/linux/man-pages/man2/signal.2.html</summary>
    [LibraryImport("libc", EntryPoint = "signal")]
    private static partial nint Signal(int signal, nint handler);
}
