using Orator.Models.Download;
using Orator.Models.Tests.Support;

namespace Orator.Models.Tests.Download;

public sealed class DiskFullTests
{
    [Fact]
    public void A_write_to_dev_full_raises_the_io_exception_the_downloader_recognises_as_disk_full()
    {
        // /dev/full fails every write with ENOSPC: the real OS error a full disk gives.
        using var device = new FileStream("/dev/full", FileMode.Open, FileAccess.Write, FileShare.ReadWrite, bufferSize: 0);

        var error = Assert.ThrowsAny<IOException>(() => device.Write(new byte[4096]));

        Assert.True(DiskFull.Is(error));
        Assert.Equal(DiskFull.HResult, error.HResult);
    }

    [Fact]
    public void The_quota_stream_fails_with_the_same_hresult_as_the_os_after_writing_up_to_its_quota()
    {
        using var device = new FileStream("/dev/full", FileMode.Open, FileAccess.Write, FileShare.ReadWrite, bufferSize: 0);
        var osError = Assert.ThrowsAny<IOException>(() => device.Write(new byte[16]));
        using var memory = new MemoryStream();
        using var quota = new QuotaStream(memory, quota: 10);

        var error = Assert.Throws<IOException>(() => quota.Write(new byte[16]));

        Assert.Equal(osError.HResult, error.HResult);
        Assert.Equal(10, memory.Length);
    }

    [Fact]
    public void Other_io_errors_are_not_mistaken_for_a_full_disk()
    {
        Assert.False(DiskFull.Is(new IOException("Input/output error", 5)));
        Assert.False(DiskFull.Is(new FileNotFoundException("gone")));
    }
}
