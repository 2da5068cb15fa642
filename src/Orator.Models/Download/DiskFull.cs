namespace Orator.Models.Download;

/// <summary>Recognises the IOException the OS raises when a device is full.</summary>
public static class DiskFull
{
    /// <summary>ENOSPC on Linux and macOS; .NET puts the raw errno in <see cref="Exception.HResult"/> on Unix.</summary>
    public const int UnixErrno = 28;

    private const int WindowsDiskFull = 112;       // ERROR_DISK_FULL
    private const int WindowsHandleDiskFull = 39;  // ERROR_HANDLE_DISK_FULL

    /// <summary>The HResult .NET gives an out-of-space IOException on this OS.</summary>
    public static int HResult => OperatingSystem.IsWindows() ? unchecked((int)0x80070000 | WindowsDiskFull) : UnixErrno;

    /// <summary>True when <paramref name="exception"/> is an out-of-space error.</summary>
    public static bool Is(IOException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (OperatingSystem.IsWindows())
        {
            var code = exception.HResult & 0xFFFF;
            return code is WindowsDiskFull or WindowsHandleDiskFull;
        }

        return exception.HResult == UnixErrno;
    }
}
