using System.Runtime.InteropServices;

namespace Orator.Worker.Interop;

/// <summary>libc calls the worker needs to keep native engine chatter off its protocol channel.</summary>
internal static partial class NativeMethods
{
    /// <summary>dup(2): https://man7.org/linux/man-pages/man2/dup.2.html</summary>
    [LibraryImport("libc", EntryPoint = "dup", SetLastError = true)]
    internal static partial int Dup(int oldFd);

    /// <summary>dup2(2): https://man7.org/linux/man-pages/man2/dup.2.html</summary>
    [LibraryImport("libc", EntryPoint = "dup2", SetLastError = true)]
    internal static partial int Dup2(int oldFd, int newFd);
}
