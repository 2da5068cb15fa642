using System.Buffers.Binary;
using System.Text;

namespace Orator.Speech.Caching;

/// <summary>
/// Cached renders as files in one folder, one per key (<c>{key}.render</c>), within a byte
/// budget: the least recently used files go first (a hit touches its file). Files are written
/// to a temporary name and renamed, so a reader never sees half a file; one that does not parse
/// (another version, a truncated disk) is deleted and counts as a miss. Only files of this
/// store's own pattern are ever read or deleted.
/// </summary>
internal sealed class DiskRenderStore
{
    private const string Extension = ".render";
    private const uint Magic = 0x5243524F; // "ORCR"
    private const ushort FormatVersion = 1;

    private readonly string _folder;
    private readonly long _budget;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, (long Size, DateTime Used)> _index = new(StringComparer.Ordinal);
    private long _bytes;

    /// <summary>
    /// Opens (creating) <paramref name="folder"/>. Its entries are kept only if they were stored
    /// under the same <paramref name="fingerprint"/> (this build, these voices and model files);
    /// otherwise they are deleted.
    /// </summary>
    public DiskRenderStore(string folder, long budgetBytes, string fingerprint)
    {
        _folder = Path.GetFullPath(folder);
        _budget = budgetBytes;
        Directory.CreateDirectory(_folder);
        foreach (var file in new DirectoryInfo(_folder).EnumerateFiles("*" + Extension))
        {
            _index[Path.GetFileNameWithoutExtension(file.Name)] = (file.Length, file.LastWriteTimeUtc);
            _bytes += file.Length;
        }

        var stored = File.Exists(FingerprintPath) ? File.ReadAllText(FingerprintPath) : null;
        if (stored != fingerprint)
        {
            Clear(fingerprint);
        }

        TrimTo(_budget);
    }

    private string FingerprintPath => Path.Combine(_folder, "fingerprint");

    /// <summary>Bytes of the files held.</summary>
    public long Bytes
    {
        get
        {
            lock (_gate)
            {
                return _bytes;
            }
        }
    }

    /// <summary>Files held.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _index.Count;
            }
        }
    }

    /// <summary>Files removed to stay within the budget.</summary>
    public long Evictions { get; private set; }

    /// <summary>The largest entry this store takes.</summary>
    public long MaxEntryBytes => _budget;

    /// <summary>The entry for <paramref name="key"/>, or null.</summary>
    public async Task<CachedRender?> TryReadAsync(string key, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (!_index.ContainsKey(key))
            {
                return null;
            }
        }

        var path = PathOf(key);
        try
        {
            var bytes = await File.ReadAllBytesAsync(path, cancellationToken);
            var entry = Parse(bytes);
            if (entry is null)
            {
                Remove(key);
                return null;
            }

            var now = DateTime.UtcNow;
            File.SetLastWriteTimeUtc(path, now);
            lock (_gate)
            {
                if (_index.TryGetValue(key, out var held))
                {
                    _index[key] = (held.Size, now);
                }
            }

            return entry;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Remove(key);
            return null;
        }
    }

    /// <summary>Stores <paramref name="entry"/> (best effort: an I/O failure leaves no file).</summary>
    public async Task WriteAsync(string key, CachedRender entry, CancellationToken cancellationToken)
    {
        var bytes = Serialize(entry);
        if (bytes.Length > _budget)
        {
            return;
        }

        var path = PathOf(key);
        var temporary = Path.Combine(_folder, $".{key}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            await File.WriteAllBytesAsync(temporary, bytes, cancellationToken);
            lock (_gate)
            {
                TrimTo(_budget - bytes.Length);
                File.Move(temporary, path, overwrite: true);
                if (_index.TryGetValue(key, out var replaced))
                {
                    _bytes -= replaced.Size;
                }

                _index[key] = (bytes.Length, DateTime.UtcNow);
                _bytes += bytes.Length;
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or OperationCanceledException)
        {
            TryDelete(temporary);
        }
    }

    /// <summary>Deletes every entry; later ones are stored under <paramref name="fingerprint"/>.</summary>
    public void Clear(string fingerprint)
    {
        lock (_gate)
        {
            foreach (var key in _index.Keys)
            {
                TryDelete(PathOf(key));
            }

            _index.Clear();
            _bytes = 0;
            try
            {
                File.WriteAllText(FingerprintPath, fingerprint);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Without it the next start clears the folder again: safe.
            }
        }
    }

    private void Remove(string key)
    {
        lock (_gate)
        {
            if (_index.Remove(key, out var held))
            {
                _bytes -= held.Size;
            }

            TryDelete(PathOf(key));
        }
    }

    // Called under the gate.
    private void TrimTo(long limit)
    {
        if (_bytes <= limit)
        {
            return;
        }

        foreach (var (key, held) in _index.OrderBy(e => e.Value.Used).ToList())
        {
            if (_bytes <= limit)
            {
                break;
            }

            _index.Remove(key);
            _bytes -= held.Size;
            Evictions++;
            TryDelete(PathOf(key));
        }
    }

    private string PathOf(string key) => Path.Combine(_folder, key + Extension);

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Best effort: the next start finds it again and trims it within the budget.
        }
    }

    // magic u32, version u16, content type (u16 length + UTF-8), sample rate i32, samples i64,
    // flush count i32, flush ends i32[], data length i32, data; all little-endian.
    private static byte[] Serialize(CachedRender entry)
    {
        var type = Encoding.UTF8.GetBytes(entry.ContentType);
        var size = 4 + 2 + 2 + type.Length + 4 + 8 + 4 + (entry.FlushEnds.Length * 4) + 4 + entry.Data.Length;
        var bytes = new byte[size];
        var span = bytes.AsSpan();
        BinaryPrimitives.WriteUInt32LittleEndian(span, Magic);
        BinaryPrimitives.WriteUInt16LittleEndian(span[4..], FormatVersion);
        BinaryPrimitives.WriteUInt16LittleEndian(span[6..], (ushort)type.Length);
        type.CopyTo(span[8..]);
        var at = 8 + type.Length;
        BinaryPrimitives.WriteInt32LittleEndian(span[at..], entry.SampleRate);
        BinaryPrimitives.WriteInt64LittleEndian(span[(at + 4)..], entry.OutputSamples);
        BinaryPrimitives.WriteInt32LittleEndian(span[(at + 12)..], entry.FlushEnds.Length);
        at += 16;
        foreach (var end in entry.FlushEnds)
        {
            BinaryPrimitives.WriteInt32LittleEndian(span[at..], end);
            at += 4;
        }

        BinaryPrimitives.WriteInt32LittleEndian(span[at..], entry.Data.Length);
        entry.Data.CopyTo(span[(at + 4)..]);
        return bytes;
    }

    private static CachedRender? Parse(byte[] bytes)
    {
        ReadOnlySpan<byte> span = bytes;
        if (span.Length < 8 || BinaryPrimitives.ReadUInt32LittleEndian(span) != Magic || BinaryPrimitives.ReadUInt16LittleEndian(span[4..]) != FormatVersion)
        {
            return null;
        }

        int typeLength = BinaryPrimitives.ReadUInt16LittleEndian(span[6..]);
        var at = 8 + typeLength;
        if (span.Length < at + 16)
        {
            return null;
        }

        var contentType = Encoding.UTF8.GetString(span.Slice(8, typeLength));
        var sampleRate = BinaryPrimitives.ReadInt32LittleEndian(span[at..]);
        var samples = BinaryPrimitives.ReadInt64LittleEndian(span[(at + 4)..]);
        var flushes = BinaryPrimitives.ReadInt32LittleEndian(span[(at + 12)..]);
        at += 16;
        if (flushes < 0 || span.Length < at + (flushes * 4L) + 4)
        {
            return null;
        }

        var ends = new int[flushes];
        for (var i = 0; i < flushes; i++, at += 4)
        {
            ends[i] = BinaryPrimitives.ReadInt32LittleEndian(span[at..]);
        }

        var length = BinaryPrimitives.ReadInt32LittleEndian(span[at..]);
        at += 4;
        if (length < 0 || span.Length != at + length || (flushes > 0 && ends[^1] != length))
        {
            return null;
        }

        return new CachedRender(contentType, span[at..].ToArray(), ends, samples, sampleRate);
    }
}
