using System.Buffers;
using System.Net;
using Orator.Models.Catalog;
using Orator.Models.Interop;
using Orator.Models.Store;

namespace Orator.Models.Download;

/// <summary>
/// Downloads one file into the store: into <c>&lt;name&gt;.part</c> beside the destination, resuming
/// an existing part with an HTTP Range request, then verifies size and digests, fsyncs, and renames
/// into place (and fsyncs the folder). The final name therefore only ever holds a complete, verified
/// file. A dropped connection keeps the part for the next attempt; a digest mismatch or a full disk
/// deletes it.
/// </summary>
public sealed class ModelDownloader
{
    private const int BufferSize = 1 << 20;
    private readonly HttpClient _http;
    private readonly Func<Stream, Stream> _decorateWrites;

    /// <summary>Creates a downloader.</summary>
    /// <param name="http">Client used for every request (its timeout should allow long transfers).</param>
    /// <param name="decorateWrites">
    /// Wraps the stream the part file is written through. Production passes nothing; tests use it to
    /// put a real quota stream in front of the file, which fails the way a full disk does.
    /// </param>
    public ModelDownloader(HttpClient http, Func<Stream, Stream>? decorateWrites = null)
    {
        _http = http ?? throw new ArgumentNullException(nameof(http));
        _decorateWrites = decorateWrites ?? (s => s);
    }

    /// <summary>How long a transfer may go without receiving a byte before it counts as dropped (default 60 s).</summary>
    public TimeSpan StallTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Downloads <paramref name="file"/> to <paramref name="destination"/>.</summary>
    /// <exception cref="ModelStoreException">404, other HTTP failure, network failure, checksum mismatch, disk full.</exception>
    public async Task<DownloadResult> DownloadAsync(ModelFile file, string destination, IProgress<DownloadProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentException.ThrowIfNullOrEmpty(destination);
        var folder = Path.GetDirectoryName(Path.GetFullPath(destination))!;
        Directory.CreateDirectory(folder);
        var part = destination + ModelStoreLayout.PartialSuffix;

        var existing = File.Exists(part) ? new FileInfo(part).Length : 0;
        if (file.Size is { } size && existing > size)
        {
            File.Delete(part);
            existing = 0;
        }

        var resumedFrom = 0L;
        var restarted = false;
        if (file.Size is null || existing < file.Size)
        {
            (resumedFrom, restarted) = await TransferAsync(file, part, existing, folder, progress, cancellationToken);
        }
        else
        {
            // A complete part left by an earlier run that stopped before the rename: verify and use it.
            resumedFrom = existing;
            progress?.Report(new DownloadProgress(file.FileName, existing, existing, existing, Completed: true));
        }

        var digests = await FileDigests.ComputeAsync(part, withMd5: file.Md5 is not null, cancellationToken);
        var problem = Mismatch(file, digests);
        if (problem is not null)
        {
            File.Delete(part);
            throw new ModelStoreException(ModelStoreError.ChecksumMismatch,
                $"{file.FileName} from {file.Source} failed verification: {problem}. Nothing was installed and the download was deleted.");
        }

        File.Move(part, destination, overwrite: true);
        _ = NativeMethods.SyncDirectory(folder);
        return new DownloadResult(destination, digests.Length, digests.Sha256, resumedFrom, restarted);
    }

    private async Task<(long ResumedFrom, bool Restarted)> TransferAsync(ModelFile file, string part, long existing, string folder, IProgress<DownloadProgress>? progress, CancellationToken cancellationToken)
    {
        var restarted = false;
        for (var attempt = 0; ; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, file.Source);
            if (existing > 0)
            {
                request.Headers.Range = new System.Net.Http.Headers.RangeHeaderValue(existing, null);
            }

            using var response = await SendAsync(request, file, cancellationToken);
            var offset = 0L;
            switch (response.StatusCode)
            {
                case HttpStatusCode.PartialContent when existing > 0 && response.Content.Headers.ContentRange?.From == existing:
                    offset = existing;
                    break;
                case HttpStatusCode.OK:
                    // The server ignored Range (or there was nothing to resume): start over from byte 0.
                    restarted |= existing > 0;
                    break;
                case HttpStatusCode.PartialContent or HttpStatusCode.RequestedRangeNotSatisfiable when existing > 0 && attempt == 0:
                    // A range we cannot use (other offset, or the part is longer than the file): drop the part, ask for all of it.
                    File.Delete(part);
                    existing = 0;
                    restarted = true;
                    continue;
                case HttpStatusCode.NotFound:
                    throw new ModelStoreException(ModelStoreError.NotFound, $"{file.FileName} was not found at {file.Source} (HTTP 404).");
                default:
                    throw new ModelStoreException(ModelStoreError.HttpStatus,
                        $"{file.Source} answered HTTP {(int)response.StatusCode} {response.ReasonPhrase}.");
            }

            var total = response.Content.Headers.ContentRange?.Length
                ?? (response.Content.Headers.ContentLength is { } length ? offset + length : file.Size);
            if (file.Size is { } expected && total is { } announced && announced != expected)
            {
                if (File.Exists(part))
                {
                    File.Delete(part);
                }

                throw new ModelStoreException(ModelStoreError.ChecksumMismatch,
                    $"{file.FileName} at {file.Source} is {announced:N0} bytes, but {expected:N0} are expected. Nothing was installed.");
            }

            EnsureSpace(folder, total is { } t ? t - offset : null, file);
            await CopyBodyAsync(response, file, part, offset, total, progress, cancellationToken);
            return (offset, restarted);
        }
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, ModelFile file, CancellationToken cancellationToken)
    {
        // The headers must arrive within the stall timeout too: a server that accepts and then says nothing is dead.
        using var headers = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        headers.CancelAfter(StallTimeout);
        try
        {
            return await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, headers.Token);
        }
        catch (HttpRequestException ex)
        {
            throw new ModelStoreException(ModelStoreError.Network, $"Could not reach {file.Source}: {ex.Message}", ex);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ModelStoreException(ModelStoreError.Network, $"{file.Source} sent no response within {StallTimeout.TotalSeconds:0.#} s.", ex);
        }
    }

    private async Task CopyBodyAsync(HttpResponseMessage response, ModelFile file, string part, long offset, long? total, IProgress<DownloadProgress>? progress, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        var received = offset;
        var output = OpenPart(part, offset);
        try
        {
            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            using var stall = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            progress?.Report(new DownloadProgress(file.FileName, received, total, offset, Completed: false));
            while (true)
            {
                int read;
                try
                {
                    stall.CancelAfter(StallTimeout);
                    read = await body.ReadAsync(buffer.AsMemory(0, BufferSize), stall.Token);
                }
                catch (Exception ex) when (ex is IOException or HttpRequestException
                    || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
                {
                    await KeepPartAsync(output);
                    throw Interrupted(file, received, total, part, ex is OperationCanceledException ? new TimeoutException($"no data for {StallTimeout.TotalSeconds:0.#} s", ex) : ex);
                }

                if (read == 0)
                {
                    break;
                }

                await WriteAsync(output, buffer.AsMemory(0, read), file, part, cancellationToken);
                received += read;
                progress?.Report(new DownloadProgress(file.FileName, received, total, offset, Completed: false));
            }

            if (total is { } expected && received < expected)
            {
                await KeepPartAsync(output);
                throw Interrupted(file, received, total, part, null);
            }

            await FlushToDiskAsync(output, file, part);
            progress?.Report(new DownloadProgress(file.FileName, received, total ?? received, offset, Completed: true));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            await output.DisposeAsync();
        }
    }

    private Stream OpenPart(string part, long offset)
    {
        var stream = new FileStream(part, offset > 0 ? FileMode.Open : FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 0, FileOptions.Asynchronous);
        stream.Position = offset;
        stream.SetLength(offset);
        return _decorateWrites(stream);
    }

    private static async Task WriteAsync(Stream output, ReadOnlyMemory<byte> data, ModelFile file, string part, CancellationToken cancellationToken)
    {
        try
        {
            await output.WriteAsync(data, cancellationToken);
        }
        catch (IOException ex) when (DiskFull.Is(ex))
        {
            await output.DisposeAsync();
            File.Delete(part);
            throw NoSpace(file, part, ex);
        }
    }

    private static async Task FlushToDiskAsync(Stream output, ModelFile file, string part)
    {
        try
        {
            await output.FlushAsync();
            (Unwrap(output) as FileStream)?.Flush(flushToDisk: true);
        }
        catch (IOException ex) when (DiskFull.Is(ex))
        {
            await output.DisposeAsync();
            File.Delete(part);
            throw NoSpace(file, part, ex);
        }
    }

    private static Stream Unwrap(Stream stream) => stream is IStreamDecorator wrapping ? Unwrap(wrapping.Inner) : stream;

    private static async Task KeepPartAsync(Stream output)
    {
        // What arrived is kept on disk so the next pull resumes from it.
        await output.FlushAsync();
        (Unwrap(output) as FileStream)?.Flush(flushToDisk: true);
    }

    private static void EnsureSpace(string folder, long? needed, ModelFile file)
    {
        if (needed is not { } bytes || bytes <= 0)
        {
            return;
        }

        long available;
        try
        {
            available = new DriveInfo(folder).AvailableFreeSpace;
        }
        catch (Exception ex) when (ex is IOException or ArgumentException or UnauthorizedAccessException)
        {
            return; // unknown: the write itself will tell
        }

        if (available < bytes)
        {
            throw new ModelStoreException(ModelStoreError.DiskFull,
                $"Not enough disk space for {file.FileName}: {bytes:N0} bytes needed, {available:N0} free in {folder}. Nothing was downloaded.");
        }
    }

    private static ModelStoreException Interrupted(ModelFile file, long received, long? total, string part, Exception? cause) =>
        new(ModelStoreError.Network,
            $"The download of {file.FileName} from {file.Source} was interrupted after {received:N0}{(total is { } t ? $" of {t:N0}" : string.Empty)} bytes" +
            $"{(cause is null ? string.Empty : $" ({cause.Message})")}. The partial file {part} is kept; run the same pull again to resume.",
            cause);

    private static ModelStoreException NoSpace(ModelFile file, string part, IOException cause) =>
        new(ModelStoreError.DiskFull,
            $"The disk is full while writing {file.FileName} ({cause.Message}). The partial file {part} was deleted to give the space back; free some space and pull again.",
            cause);

    private static string? Mismatch(ModelFile file, (string Sha256, string? Md5, long Length) actual)
    {
        if (file.Size is { } size && actual.Length != size)
        {
            return $"size {actual.Length:N0} bytes, expected {size:N0}";
        }

        if (file.Md5 is { } md5 && !string.Equals(actual.Md5, md5, StringComparison.OrdinalIgnoreCase))
        {
            return $"md5 {actual.Md5}, expected {md5}";
        }

        if (file.Sha256 is { } sha && !string.Equals(actual.Sha256, sha, StringComparison.OrdinalIgnoreCase))
        {
            return $"sha256 {actual.Sha256}, expected {sha}";
        }

        return null;
    }
}
