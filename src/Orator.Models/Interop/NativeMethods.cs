using System.Runtime.InteropServices;

namespace Orator.Models.Interop;

/// <summary>
/// libc calls .NET does not expose: a rename is only durable once the directory holding it is
/// fsynced, and .NET cannot open a directory as a stream.
/// </summary>
internal static partial class NativeMethods
{
    private const int ReadOnly = 0;          // O_RDONLY
    private const int Directory = 0x10000;   // O_DIRECTORY on Linux (x86-64 and arm64)
    private const int CloseOnExec = 0x80000; // O_CLOEXEC

    /// <summary>fsyncs a directory so a rename inside it survives a crash; best effort, Linux only.</summary>
    /// <returns>0 on success, else the errno.</returns>
    public static int SyncDirectory(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            return 0;
        }

        var fd = Open(path, ReadOnly | Directory | CloseOnExec);
        if (fd < 0)
        {
            return Marshal.GetLastPInvokeError();
        }

        try
        {
            return Fsync(fd) == 0 ? 0 : Marshal.GetLastPInvokeError();
        }
        finally
        {
            _ = Close(fd);
        }
    }

    /// <summary>open(2): https://man7.org/linux/man-pages/man2/open.2.html</summary>
    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags);

    /// <summary>fsync(2): https://man7.org/linux/man-pages/man2/fsync.2.html</summary>
    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static partial int Fsync(int fd);

    /// <summary>close(2): https://man7.org/linux/man-pages/man2/close.2.html</summary>
    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    private static partial int Close(int fd);
}
