using System.Buffers;
using System.Security.Cryptography;

namespace Orator.Models.Download;

/// <summary>sha256 (and md5 when asked) of a file in one read.</summary>
public static class FileDigests
{
    private const int BufferSize = 1 << 20;

    /// <summary>Hashes <paramref name="path"/>; md5 is null unless <paramref name="withMd5"/>.</summary>
    public static async Task<(string Sha256, string? Md5, long Length)> ComputeAsync(string path, bool withMd5, CancellationToken cancellationToken)
    {
        using var sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
#pragma warning disable CA5351 // md5 is what Piper's voices.json publishes; it checks integrity, not authenticity.
        using var md5 = withMd5 ? IncrementalHash.CreateHash(HashAlgorithmName.MD5) : null;
#pragma warning restore CA5351
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        long length = 0;
        try
        {
            await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.Asynchronous | FileOptions.SequentialScan);
            int read;
            while ((read = await stream.ReadAsync(buffer.AsMemory(0, BufferSize), cancellationToken)) > 0)
            {
                sha256.AppendData(buffer, 0, read);
                md5?.AppendData(buffer, 0, read);
                length += read;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        return (Convert.ToHexStringLower(sha256.GetHashAndReset()), md5 is null ? null : Convert.ToHexStringLower(md5.GetHashAndReset()), length);
    }
}
