using System.Buffers;
using System.Buffers.Binary;
using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Orator.Core.Audio;
using Orator.Core.Errors;

namespace Orator.Engines.Workers;

/// <summary>
/// The server's handle on one engine worker process. One request at a time (the pool guarantees
/// it). If the process dies or misbehaves, the worker is marked dead and the pool replaces it.
/// </summary>
internal sealed partial class EngineWorker : IAsyncDisposable
{
    private static readonly TimeSpan CancelGrace = TimeSpan.FromSeconds(3);

    private readonly Process _process;
    private readonly Stream _commands;
    private readonly Stream _replies;
    private readonly ILogger _logger;
    private readonly byte[] _header = new byte[FrameHeader.Size];
    private byte[] _payload = new byte[16 * 1024];
    private short[] _samples = new short[8 * 1024];
    private uint _sequence;
    private volatile uint _finishedSequence;
    private volatile bool _dead;

    private EngineWorker(Process process, ILogger logger)
    {
        _process = process;
        _commands = process.StandardInput.BaseStream;
        _replies = process.StandardOutput.BaseStream;
        _logger = logger;
        ProcessId = process.Id;
    }

    /// <summary>OS process id (tests kill it to prove the pool recovers).</summary>
    public int ProcessId { get; }

    /// <summary>False once the process exited or the protocol broke; such a worker is never reused.</summary>
    public bool IsAlive => !_dead && !_process.HasExited;

    /// <summary>Starts a worker process and waits for its catalog.</summary>
    public static async Task<(EngineWorker Worker, WorkerCatalog Catalog)> StartAsync(IReadOnlyCollection<string> disabledEngines, ILogger logger, CancellationToken cancellationToken)
    {
        var process = Process.Start(WorkerLaunch.CreateStartInfo(disabledEngines))
            ?? throw new EngineUnavailableException("Could not start the engine worker process.");
        var worker = new EngineWorker(process, logger);
        process.ErrorDataReceived += worker.OnStandardError;
        process.BeginErrorReadLine();
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(60));
            var header = await worker.ReadHeaderAsync(timeout.Token)
                ?? throw new EngineUnavailableException("The engine worker exited before it started.");
            if (header.Type != WorkerFrameType.Hello)
            {
                throw new EngineUnavailableException($"The engine worker sent {header.Type} instead of its catalog.");
            }

            var payload = await worker.ReadPayloadAsync(header.Length, timeout.Token);
            var catalog = JsonSerializer.Deserialize(payload.Span, WorkerCatalogJsonContext.Default.WorkerCatalog)
                ?? throw new EngineUnavailableException("The engine worker sent an empty catalog.");
            LogStarted(logger, process.Id);
            return (worker, catalog);
        }
        catch
        {
            await worker.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Runs one request's segments in the worker and pushes their PCM into <paramref name="sink"/>,
    /// calling <see cref="IPcmSink.EndSegmentAsync"/> after each. All segments are queued at once,
    /// so the worker goes straight on to the next sentence while this one is still being encoded
    /// and sent. On cancellation (client gone) the worker is told to stop the whole batch, and the
    /// call returns once it has. With <paramref name="words"/> (and a sink that is an
    /// <see cref="IWordTimingSink"/>) the worker reports word timings, passed on in stream order
    /// with segment numbers counted within <paramref name="segments"/>.
    /// </summary>
    public async Task SynthesizeAsync(string engineId, string voice, IReadOnlyList<string> segments, Core.Engines.Prosody prosody, IPcmSink sink, CancellationToken cancellationToken, bool words = false)
    {
        var wordSink = words ? sink as IWordTimingSink : null;
        ObjectDisposedException.ThrowIf(_dead, this);
        ArgumentOutOfRangeException.ThrowIfZero(segments.Count);
        var first = _sequence + 1;
        var last = _sequence + (uint)segments.Count;
        _sequence = last;
        try
        {
            for (var i = 0; i < segments.Count; i++)
            {
                var command = new SynthesizeCommand(first + (uint)i, engineId, voice, segments[i], prosody, wordSink is not null).Encode();
                await WriteFrameAsync(WorkerFrameType.Synthesize, command, CancellationToken.None);
            }
        }
        catch (IOException ex)
        {
            _dead = true;
            throw new EngineUnavailableException("The engine worker is gone.", ex);
        }

        using var registration = cancellationToken.Register(() => OnCancelled(last));
        while (true)
        {
            FrameHeader? next;
            try
            {
                next = await ReadHeaderAsync(CancellationToken.None);
            }
            catch (IOException ex)
            {
                _dead = true;
                throw new EngineUnavailableException("The engine worker stopped unexpectedly.", ex);
            }

            if (next is not { } header)
            {
                _dead = true;
                cancellationToken.ThrowIfCancellationRequested();
                throw new EngineUnavailableException($"The engine worker exited unexpectedly while speaking ({ExitDescription()}).");
            }

            var payload = await ReadPayloadAsync(header.Length, CancellationToken.None);
            var sequence = header.Type is WorkerFrameType.Done or WorkerFrameType.Failed or WorkerFrameType.Word ? BinaryPrimitives.ReadUInt32LittleEndian(payload.Span) : 0;
            switch (header.Type)
            {
                case WorkerFrameType.Audio when !cancellationToken.IsCancellationRequested:
                    var count = payload.Length / sizeof(short);
                    if (_samples.Length < count)
                    {
                        _samples = new short[count];
                    }

                    payload.Span[..(count * sizeof(short))].CopyTo(MemoryMarshal.AsBytes(_samples.AsSpan()));
                    await ConsumeAsync(sink.WriteAsync(_samples.AsMemory(0, count), cancellationToken), last);
                    break;
                case WorkerFrameType.Audio:
                    break;
                case WorkerFrameType.Word when wordSink is not null && sequence >= first && sequence <= last:
                    if (!cancellationToken.IsCancellationRequested)
                    {
                        var word = WordFrame.Read(payload.Span, (int)(sequence - first));
                        await ConsumeAsync(wordSink.WordAsync(word, cancellationToken), last);
                    }

                    break;
                case WorkerFrameType.Done when sequence == last:
                    // The worker is idle now: whatever happens next needs no drain.
                    _finishedSequence = last;
                    cancellationToken.ThrowIfCancellationRequested();
                    await sink.EndSegmentAsync((int)(sequence - first), cancellationToken);
                    return;
                case WorkerFrameType.Done when sequence >= first && sequence < last:
                    // After a cancel, keep reading: the rest of the window still reports Done,
                    // and those frames must not be left in the pipe for the next request.
                    if (!cancellationToken.IsCancellationRequested)
                    {
                        await ConsumeAsync(sink.EndSegmentAsync((int)(sequence - first), cancellationToken), last);
                    }

                    break;
                case WorkerFrameType.Failed when sequence >= first && sequence <= last:
                    var message = Encoding.UTF8.GetString(payload.Span[4..]);
                    if (sequence != last)
                    {
                        await DrainAfterFailureAsync(last);
                    }

                    _finishedSequence = last;
                    cancellationToken.ThrowIfCancellationRequested();
                    throw new EngineUnavailableException(message);
                default:
                    _dead = true;
                    throw new EngineUnavailableException($"The engine worker sent an unexpected {header.Type} frame.");
            }
        }
    }

    /// <summary>
    /// Awaits the consumer. If it fails (client gone, encoder error) the worker is stopped and
    /// drained so it can be reused, then the failure is rethrown.
    /// </summary>
    private async ValueTask ConsumeAsync(ValueTask consumer, uint last)
    {
        try
        {
            await consumer;
        }
        catch (Exception)
        {
            await DrainAfterFailureAsync(last);
            throw;
        }
    }

    private void OnCancelled(uint sequence)
    {
        _ = RequestCancelAsync(sequence);

        // A worker that does not acknowledge the cancel in time is stuck in native code: kill it,
        // which ends the read loop above; the pool then starts a replacement.
        _ = Task.Delay(CancelGrace).ContinueWith(
            _ =>
            {
                if (_finishedSequence < sequence && !_process.HasExited)
                {
                    _dead = true;
                    KillProcess();
                }
            },
            TaskScheduler.Default);
    }

    private void KillProcess()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // Already gone.
        }
    }

    private async Task DrainAfterFailureAsync(uint sequence)
    {
        await RequestCancelAsync(sequence);
        using var grace = new CancellationTokenSource(CancelGrace);
        try
        {
            while (await ReadHeaderAsync(grace.Token) is { } header)
            {
                var payload = await ReadPayloadAsync(header.Length, grace.Token);
                if (header.Type is WorkerFrameType.Done or WorkerFrameType.Failed
                    && BinaryPrimitives.ReadUInt32LittleEndian(payload.Span) == sequence)
                {
                    _finishedSequence = sequence;
                    return;
                }
            }

            _dead = true;
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException)
        {
            _dead = true;
        }
    }

    private async Task RequestCancelAsync(uint sequence)
    {
        var payload = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(payload, sequence);
        try
        {
            await WriteFrameAsync(WorkerFrameType.Cancel, payload, CancellationToken.None);
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or InvalidOperationException)
        {
            _dead = true;
        }
    }

    private readonly SemaphoreSlim _writeLock = new(1, 1);

    private async Task WriteFrameAsync(WorkerFrameType type, byte[] payload, CancellationToken cancellationToken)
    {
        var frame = new byte[FrameHeader.Size + payload.Length];
        new FrameHeader(type, payload.Length).Write(frame);
        payload.CopyTo(frame, FrameHeader.Size);
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            await _commands.WriteAsync(frame, cancellationToken);
            await _commands.FlushAsync(cancellationToken);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private async ValueTask<FrameHeader?> ReadHeaderAsync(CancellationToken cancellationToken)
    {
        var read = 0;
        while (read < FrameHeader.Size)
        {
            var n = await _replies.ReadAsync(_header.AsMemory(read), cancellationToken);
            if (n == 0)
            {
                return null;
            }

            read += n;
        }

        return FrameHeader.Read(_header);
    }

    private async ValueTask<Memory<byte>> ReadPayloadAsync(int length, CancellationToken cancellationToken)
    {
        if (_payload.Length < length)
        {
            _payload = new byte[Math.Max(length, _payload.Length * 2)];
        }

        var memory = _payload.AsMemory(0, length);
        await _replies.ReadExactlyAsync(memory, cancellationToken);
        return memory;
    }

    private string ExitDescription()
    {
        try
        {
            return _process.WaitForExit(1000) ? $"exit code {_process.ExitCode}" : "still running";
        }
        catch (InvalidOperationException)
        {
            return "unknown state";
        }
    }

    private void OnStandardError(object sender, DataReceivedEventArgs e)
    {
        if (!string.IsNullOrWhiteSpace(e.Data))
        {
            LogWorkerStderr(_logger, ProcessId, e.Data);
        }
    }

    /// <summary>Closes the worker's stdin (it exits by itself) and kills it if it lingers.</summary>
    public async ValueTask DisposeAsync()
    {
        _dead = true;
        try
        {
            _commands.Dispose();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or InvalidOperationException)
        {
            KillProcess();
        }

        _process.Dispose();
        _writeLock.Dispose();
    }

    [LoggerMessage(EventId = 1100, Level = LogLevel.Debug, Message = "Engine worker {ProcessId} started")]
    private static partial void LogStarted(ILogger logger, int processId);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Warning, Message = "Engine worker {ProcessId}: {Line}")]
    private static partial void LogWorkerStderr(ILogger logger, int processId, string line);
}
