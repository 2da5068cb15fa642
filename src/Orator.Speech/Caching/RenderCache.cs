using System.Buffers;
using System.Collections.Concurrent;
using Orator.Speech.Configuration;
using Orator.Speech.Planning;
using Orator.Speech.Rendering;

namespace Orator.Speech.Caching;

/// <summary>
/// Completed renders by <see cref="RenderKey"/>, in memory (least recently used evicted first,
/// within a byte budget) and optionally on disk. A lookup either finds an entry (replay it with
/// <see cref="ReplayAsync"/>) or makes the caller the one renderer of that key
/// (<see cref="RenderLease"/>): identical requests arriving while it renders wait for it and
/// then replay its entry, so a burst of the same phrase renders once. Only a render that
/// completed is stored; one the client left, or that failed, stores nothing, and the requests
/// that waited on it render for themselves. <see cref="Clear"/> drops everything (models, voices
/// or the lexicon were reloaded); renders that began before a clear are not stored.
/// </summary>
public sealed class RenderCache
{
    private readonly long _memoryBudget;
    private readonly DiskRenderStore? _disk;
    private readonly Lock _gate = new();
    private readonly Dictionary<RenderKey, LinkedListNode<(RenderKey Key, CachedRender Entry)>> _entries = [];
    private readonly LinkedList<(RenderKey Key, CachedRender Entry)> _recency = new();
    private readonly ConcurrentDictionary<RenderKey, RenderLease> _rendering = new();
    private long _memoryBytes;
    private long _hits;
    private long _misses;
    private long _evictions;
    private int _generation;

    /// <summary>
    /// Creates the cache the options describe (see <see cref="CacheOptions"/>).
    /// <paramref name="fingerprint"/> identifies the engines' voices and models: entries on disk
    /// stored under another one (or by another build) are deleted.
    /// </summary>
    public RenderCache(CacheOptions options, string fingerprint)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(fingerprint);
        _memoryBudget = Math.Max(0, options.MemoryMB) * 1024L * 1024L;
        if (options.DiskEnabled)
        {
            _disk = new DiskRenderStore(options.Directory!, options.DiskMB * 1024L * 1024L, Stamp(fingerprint));
        }
    }

    /// <summary>True when renders are cached at all.</summary>
    public bool Enabled => _memoryBudget > 0 || _disk is not null;

    /// <summary>Lookups answered from the cache.</summary>
    public long Hits => Interlocked.Read(ref _hits);

    /// <summary>Lookups that had to render.</summary>
    public long Misses => Interlocked.Read(ref _misses);

    /// <summary>Entries dropped to stay within a budget (memory and disk).</summary>
    public long Evictions => Interlocked.Read(ref _evictions) + (_disk?.Evictions ?? 0);

    /// <summary>Bytes held in memory.</summary>
    public long MemoryBytes
    {
        get
        {
            lock (_gate)
            {
                return _memoryBytes;
            }
        }
    }

    /// <summary>Entries held in memory.</summary>
    public int MemoryEntries
    {
        get
        {
            lock (_gate)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>Bytes held on disk (0 without a folder).</summary>
    public long DiskBytes => _disk?.Bytes ?? 0;

    /// <summary>Entries held on disk.</summary>
    public int DiskEntries => _disk?.Count ?? 0;

    /// <summary>The largest render kept: bigger ones stream as usual and are not stored.</summary>
    public long MaxEntryBytes => Math.Max(_memoryBudget, _disk?.MaxEntryBytes ?? 0);

    /// <summary>True when memory holds <paramref name="key"/> now (a request for it needs no engine).</summary>
    public bool Holds(RenderKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        lock (_gate)
        {
            return _entries.ContainsKey(key);
        }
    }

    /// <summary>
    /// The entry for <paramref name="key"/>, or, when there is none, a lease that makes the caller
    /// its renderer. Waits while another request renders the same key.
    /// </summary>
    public async Task<CacheLookup> LookupAsync(RenderKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (!Enabled)
        {
            return CacheLookup.Uncached;
        }

        while (true)
        {
            if (TryGetFromMemory(key) is { } held)
            {
                Interlocked.Increment(ref _hits);
                return CacheLookup.Hit(held);
            }

            var lease = new RenderLease(this, key, Volatile.Read(ref _generation));
            if (_rendering.TryAdd(key, lease))
            {
                // Nobody else renders it: maybe an earlier run left it on disk.
                if (_disk is not null && await _disk.TryReadAsync(key.Text, cancellationToken) is { } stored)
                {
                    AddToMemory(key, stored);
                    lease.Finish(stored, store: false);
                    Interlocked.Increment(ref _hits);
                    return CacheLookup.Hit(stored);
                }

                Interlocked.Increment(ref _misses);
                return CacheLookup.Miss(lease);
            }

            if (_rendering.TryGetValue(key, out var other) && await other.Result.WaitAsync(cancellationToken) is { } rendered)
            {
                Interlocked.Increment(ref _hits);
                return CacheLookup.Hit(rendered);
            }

            // The other render did not complete (or just finished): look again.
        }
    }

    /// <summary>Sends <paramref name="entry"/> into <paramref name="output"/> as the render did: same bytes, same flushes.</summary>
    public static async Task<RenderOutcome> ReplayAsync(CachedRender entry, SpeechPlan plan, ISpeechOutput output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(output);
        try
        {
            output.Begin(new RenderStart(entry.ContentType));
            var from = 0;
            foreach (var end in entry.FlushEnds)
            {
                output.Writer.Write(entry.Data.AsSpan(from, end - from));
                await output.Writer.FlushAsync(cancellationToken);
                from = end;
            }

            await output.EndAsync(SpeechRenderer.SummaryOf(plan, entry.OutputSamples), cancellationToken);
            return new RenderOutcome(RenderStatus.Completed, true, entry.OutputSamples, entry.SampleRate);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return new RenderOutcome(RenderStatus.ClientGone, true, entry.OutputSamples, entry.SampleRate);
        }
    }

    /// <summary>
    /// Drops every entry, in memory and on disk; renders under way are not stored. Later entries
    /// on disk are stored under <paramref name="fingerprint"/>.
    /// </summary>
    public void Clear(string fingerprint)
    {
        ArgumentNullException.ThrowIfNull(fingerprint);
        Interlocked.Increment(ref _generation);
        lock (_gate)
        {
            _entries.Clear();
            _recency.Clear();
            _memoryBytes = 0;
        }

        _disk?.Clear(Stamp(fingerprint));
    }

    /// <summary>Called by a lease when its render ended.</summary>
    internal void Complete(RenderLease lease, CachedRender? entry, bool store)
    {
        if (entry is not null && store && lease.Generation == Volatile.Read(ref _generation))
        {
            AddToMemory(lease.Key, entry);
            if (_disk is not null)
            {
                // Off the response's path; a failed write leaves no file.
                _ = _disk.WriteAsync(lease.Key.Text, entry, CancellationToken.None);
            }
        }

        _rendering.TryRemove(new KeyValuePair<RenderKey, RenderLease>(lease.Key, lease));
    }

    private static string Stamp(string fingerprint) => RenderKey.Build + "\n" + fingerprint;

    private CachedRender? TryGetFromMemory(RenderKey key)
    {
        lock (_gate)
        {
            if (!_entries.TryGetValue(key, out var node))
            {
                return null;
            }

            _recency.Remove(node);
            _recency.AddFirst(node);
            return node.Value.Entry;
        }
    }

    private void AddToMemory(RenderKey key, CachedRender entry)
    {
        if (entry.Cost > _memoryBudget)
        {
            return;
        }

        lock (_gate)
        {
            if (_entries.Remove(key, out var old))
            {
                _recency.Remove(old);
                _memoryBytes -= old.Value.Entry.Cost;
            }

            while (_memoryBytes + entry.Cost > _memoryBudget && _recency.Last is { } oldest)
            {
                _recency.RemoveLast();
                _entries.Remove(oldest.Value.Key);
                _memoryBytes -= oldest.Value.Entry.Cost;
                Interlocked.Increment(ref _evictions);
            }

            _entries[key] = _recency.AddFirst((key, entry));
            _memoryBytes += entry.Cost;
        }
    }
}
