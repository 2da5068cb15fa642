using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Orator.Storage;
using Orator.Storage.Usage;

namespace Orator.Server.Usage;

/// <summary>
/// Takes usage records off the request path: requests put them in a bounded channel and a
/// background writer stores them in batches, one transaction each, every
/// <see cref="StorageOptions.UsageFlushMilliseconds"/> or sooner when a batch is full.
/// <see cref="FlushAndStopAsync"/> (called once Kestrel has drained) writes everything left.
/// A kill -9 loses at most what arrived in the last flush interval plus one batch being written.
/// When the channel is full, requests wait for the writer rather than drop records.
/// </summary>
internal sealed partial class UsageRecorder : IAsyncDisposable
{
    private readonly Channel<UsageRecord> _channel;
    private readonly IUsageStore _store;
    private readonly ILogger _logger;
    private readonly TimeSpan _flushInterval;
    private readonly int _batchSize;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _loop;
    private long _written;
    private long _lost;
    private int _stopRequested;
    private int _disposed;

    public UsageRecorder(IUsageStore store, StorageOptions options, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _store = store;
        _logger = logger;
        _flushInterval = TimeSpan.FromMilliseconds(Math.Max(1, options.UsageFlushMilliseconds));
        _batchSize = Math.Max(1, options.UsageBatchSize);
        _channel = Channel.CreateBounded<UsageRecord>(new BoundedChannelOptions(Math.Max(1, options.UsageQueueCapacity))
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
        });
        _loop = Task.Run(RunAsync);
    }

    /// <summary>Records written so far.</summary>
    public long Written => Interlocked.Read(ref _written);

    /// <summary>Records that could not be stored (after the writer stopped, or the database failed at shutdown).</summary>
    public long Lost => Interlocked.Read(ref _lost);

    /// <summary>Queues a record; waits only when the queue is full.</summary>
    public async ValueTask RecordAsync(UsageRecord record, CancellationToken cancellationToken)
    {
        if (_channel.Writer.TryWrite(record))
        {
            return;
        }

        try
        {
            await _channel.Writer.WriteAsync(record, cancellationToken);
        }
        catch (ChannelClosedException)
        {
            Interlocked.Increment(ref _lost);
            LogLateRecord(_logger);
        }
    }

    /// <summary>Stops taking records and writes every queued one.</summary>
    public async Task FlushAndStopAsync()
    {
        if (Interlocked.Exchange(ref _stopRequested, 1) == 0)
        {
            _channel.Writer.TryComplete();
            await _stopping.CancelAsync();
        }

        await _loop;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await FlushAndStopAsync();
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _stopping.Dispose();
        }
    }

    private async Task RunAsync()
    {
        var batch = new List<UsageRecord>(_batchSize);
        var reader = _channel.Reader;
        while (true)
        {
            try
            {
                if (!await reader.WaitToReadAsync(_stopping.Token))
                {
                    return; // completed and empty
                }

                // Let a batch gather; a full batch is written at once below.
                using var wait = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
                wait.CancelAfter(_flushInterval);
                while (reader.Count < _batchSize && !wait.IsCancellationRequested)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(20, _flushInterval.TotalMilliseconds)), wait.Token);
                }
            }
            catch (OperationCanceledException)
            {
                // Flush interval over, or stopping: drain below.
            }

            while (reader.TryRead(out var record))
            {
                batch.Add(record);
                if (batch.Count == _batchSize)
                {
                    await WriteAsync(batch);
                }
            }

            await WriteAsync(batch);
            if (_stopping.IsCancellationRequested && reader.Completion.IsCompleted)
            {
                return;
            }
        }
    }

    private async Task WriteAsync(List<UsageRecord> batch)
    {
        if (batch.Count == 0)
        {
            return;
        }

        // Request ids are unique in the table, so retrying a batch that was in fact committed is harmless.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await _store.AppendAsync(batch, CancellationToken.None);
                Interlocked.Add(ref _written, batch.Count);
                break;
            }
            catch (Exception ex) when (ex is System.Data.Common.DbException or IOException or TimeoutException or InvalidOperationException)
            {
                var giveUp = _stopping.IsCancellationRequested ? attempt >= 3 : attempt >= 30;
                LogWriteFailed(_logger, batch.Count, attempt, ex);
                if (giveUp)
                {
                    Interlocked.Add(ref _lost, batch.Count);
                    break;
                }

                await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(2000, 100 * attempt)), CancellationToken.None);
            }
        }

        batch.Clear();
    }

    [LoggerMessage(EventId = 6000, Level = LogLevel.Error, Message = "Writing {Count} usage records failed (attempt {Attempt})")]
    private static partial void LogWriteFailed(ILogger logger, int count, int attempt, Exception exception);

    [LoggerMessage(EventId = 6001, Level = LogLevel.Warning, Message = "A usage record arrived after the usage writer stopped and was not stored")]
    private static partial void LogLateRecord(ILogger logger);
}
