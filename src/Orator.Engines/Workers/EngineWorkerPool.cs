using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Orator.Core.Errors;

namespace Orator.Engines.Workers;

/// <summary>
/// A fixed number of engine worker processes, one request each at a time. The native engines are
/// not re-entrant (espeak-ng) or not documented as such (Flite), so parallelism comes from
/// processes: N workers use N cores, and a worker that crashes is replaced without touching
/// the server or any other request.
/// </summary>
public sealed partial class EngineWorkerPool : IAsyncDisposable
{
    private readonly Channel<EngineWorker> _idle = Channel.CreateUnbounded<EngineWorker>();
    private readonly List<EngineWorker> _all = [];
    private readonly Lock _gate = new();
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _shutdown = new();
    private int _restarts;
    private int _waiting;

    private readonly IReadOnlyCollection<string> _disabledEngines;

    private EngineWorkerPool(int size, IReadOnlyCollection<string> disabledEngines, WorkerCatalog catalog, ILogger logger)
    {
        Size = size;
        _disabledEngines = disabledEngines;
        Catalog = catalog;
        _logger = logger;
    }

    /// <summary>Number of worker processes the pool keeps running.</summary>
    public int Size { get; }

    /// <summary>How many workers had to be replaced since start.</summary>
    public int Restarts => Volatile.Read(ref _restarts);

    /// <summary>How many workers are idle right now.</summary>
    public int Idle => _idle.Reader.Count;

    /// <summary>How many rents are waiting for a free worker right now (the queue depth).</summary>
    public int Waiting => Volatile.Read(ref _waiting);

    /// <summary>What the workers can do (engines, voices, and why missing engines are missing).</summary>
    internal WorkerCatalog Catalog { get; }

    /// <summary>Process ids of the current workers (idle or busy).</summary>
    public IReadOnlyList<int> ProcessIds
    {
        get
        {
            lock (_gate)
            {
                return [.. _all.Where(w => w.IsAlive).Select(w => w.ProcessId)];
            }
        }
    }

    /// <summary>
    /// Starts <paramref name="size"/> workers in parallel and waits until all are ready.
    /// Engines named in <paramref name="disabledEngines"/> are not loaded.
    /// </summary>
    public static async Task<EngineWorkerPool> StartAsync(int size, IReadOnlyCollection<string> disabledEngines, ILogger logger, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        var started = await Task.WhenAll(Enumerable.Range(0, size).Select(_ => EngineWorker.StartAsync(disabledEngines, logger, cancellationToken)));
        var pool = new EngineWorkerPool(size, disabledEngines, started[0].Catalog, logger);
        foreach (var (worker, _) in started)
        {
            pool.Add(worker);
        }

        LogPoolStarted(logger, size);
        return pool;
    }

    /// <summary>The engines the workers offer, as <see cref="Core.Engines.ISpeechEngine"/>s.</summary>
    public IReadOnlyList<WorkerSpeechEngine> CreateEngines() =>
        [.. Catalog.Engines.Where(e => e.Problem is null).Select(e => new WorkerSpeechEngine(this, e))];

    /// <summary>Engines that could not load, with the reason (e.g. which package to install).</summary>
    public IReadOnlyList<(string EngineId, string Problem)> MissingEngines =>
        [.. Catalog.Engines.Where(e => e.Problem is not null).Select(e => (e.Id, e.Problem!))];

    /// <summary>Runs <paramref name="work"/> on an idle live worker, waiting for one if all are busy.</summary>
    internal async Task RunAsync(Func<EngineWorker, Task> work, CancellationToken cancellationToken)
    {
        var worker = await RentAsync(cancellationToken);
        try
        {
            await work(worker);
        }
        finally
        {
            Return(worker);
        }
    }

    /// <summary>
    /// Takes an idle live worker at once, but only when no rent is waiting: look-ahead work must
    /// never delay a request that is waiting for its turn. False when none is free.
    /// </summary>
    internal bool TryRentIdle([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out EngineWorker? worker)
    {
        while (Volatile.Read(ref _waiting) == 0 && _idle.Reader.TryRead(out worker))
        {
            if (worker.IsAlive)
            {
                return true;
            }

            Retire(worker);
        }

        worker = null;
        return false;
    }

    /// <summary>Runs <paramref name="work"/> on a worker taken with <see cref="TryRentIdle"/>, and gives it back.</summary>
    internal async Task RunOnAsync(EngineWorker worker, Func<EngineWorker, Task> work)
    {
        try
        {
            await work(worker);
        }
        finally
        {
            Return(worker);
        }
    }

    private async Task<EngineWorker> RentAsync(CancellationToken cancellationToken)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        wait.CancelAfter(RentTimeout);
        Interlocked.Increment(ref _waiting);
        try
        {
            while (true)
            {
                var worker = await _idle.Reader.ReadAsync(wait.Token);
                if (worker.IsAlive)
                {
                    return worker;
                }

                Retire(worker);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new EngineOverloadedException($"No engine worker became free within {RentTimeout.TotalSeconds:F0} s.");
        }
        catch (ChannelClosedException ex)
        {
            throw new EngineUnavailableException("The engine workers are shutting down.", ex);
        }
        finally
        {
            Interlocked.Decrement(ref _waiting);
        }
    }

    /// <summary>How long a request waits for a free worker before it is refused with 503 (the server sets it from its options).</summary>
    public TimeSpan RentTimeout { get; set; } = TimeSpan.FromSeconds(30);

    private void Return(EngineWorker worker)
    {
        if (worker.IsAlive && !_shutdown.IsCancellationRequested)
        {
            _idle.Writer.TryWrite(worker);
        }
        else
        {
            Retire(worker);
        }
    }

    private void Add(EngineWorker worker)
    {
        lock (_gate)
        {
            _all.Add(worker);
        }

        _idle.Writer.TryWrite(worker);
    }

    private void Retire(EngineWorker worker)
    {
        lock (_gate)
        {
            if (!_all.Remove(worker))
            {
                return;
            }
        }

        _ = worker.DisposeAsync().AsTask();
        if (!_shutdown.IsCancellationRequested)
        {
            Interlocked.Increment(ref _restarts);
            LogWorkerReplaced(_logger, worker.ProcessId);
            _ = ReplaceAsync();
        }
    }

    private async Task ReplaceAsync()
    {
        var delay = TimeSpan.FromMilliseconds(100);
        while (!_shutdown.IsCancellationRequested)
        {
            try
            {
                var (worker, _) = await EngineWorker.StartAsync(_disabledEngines, _logger, _shutdown.Token);
                Add(worker);
                return;
            }
            catch (Exception ex) when (ex is EngineUnavailableException or IOException or System.ComponentModel.Win32Exception)
            {
                LogReplaceFailed(_logger, ex);
                await Task.Delay(delay, _shutdown.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 5000));
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Stops every worker.</summary>
    public async ValueTask DisposeAsync()
    {
        await _shutdown.CancelAsync();
        _idle.Writer.TryComplete();
        EngineWorker[] workers;
        lock (_gate)
        {
            workers = [.. _all];
            _all.Clear();
        }

        await Task.WhenAll(workers.Select(w => w.DisposeAsync().AsTask()));
        _shutdown.Dispose();
    }

    [LoggerMessage(EventId = 1000, Level = LogLevel.Information, Message = "Started {Count} engine worker processes")]
    private static partial void LogPoolStarted(ILogger logger, int count);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Warning, Message = "Engine worker {ProcessId} died or misbehaved; starting a replacement")]
    private static partial void LogWorkerReplaced(ILogger logger, int processId);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Error, Message = "Could not start a replacement engine worker; retrying")]
    private static partial void LogReplaceFailed(ILogger logger, Exception exception);
}
