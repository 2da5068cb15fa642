using Orator.Core.Audio;
using Orator.Core.Engines;
using Orator.Core.Errors;

namespace Orator.Engines.Workers;

/// <summary>
/// An engine that runs inside the worker processes of an <see cref="EngineWorkerPool"/>.
/// A request's segments go to the workers in windows: the first window is the first segment
/// alone (so its audio starts at once), later ones a few segments each. Between windows the
/// request queues again behind other requests, so under load every client hears its first
/// sentence quickly instead of waiting for whole requests ahead of it. A window whose worker
/// died before producing any audio is retried on another worker, invisibly to the client.
/// </summary>
public sealed class WorkerSpeechEngine : ISpeechEngine
{
    /// <summary>Segments per window after the first.</summary>
    public const int WindowSegments = 4;

    private readonly EngineWorkerPool _pool;

    internal WorkerSpeechEngine(EngineWorkerPool pool, WorkerEngineInfo info)
    {
        _pool = pool;
        Id = info.Id;
        Voices = [.. info.Voices.Select(v => WorkerHost.ToEngineVoice(info.Id, v))];
    }

    /// <inheritdoc />
    public string Id { get; }

    /// <inheritdoc />
    public IReadOnlyList<EngineVoice> Voices { get; }

    /// <inheritdoc />
    public async Task SynthesizeAsync(SynthesisRequest request, IPcmSink sink, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var window = new WindowSink(sink);
        var start = 0;
        while (start < request.Segments.Count)
        {
            var count = Math.Min(start == 0 ? 1 : WindowSegments, request.Segments.Count - start);
            window.Reset(start);
            await RunWindowAsync(request, request.Segments.Skip(start).Take(count).ToArray(), window, cancellationToken);
            start += count;
        }
    }

    private async Task RunWindowAsync(SynthesisRequest request, string[] segments, WindowSink window, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            EngineWorker? used = null;
            try
            {
                await _pool.RunAsync(
                    worker =>
                    {
                        used = worker;
                        return worker.SynthesizeAsync(Id, request.Voice.NativeName, segments, request.Prosody, window, cancellationToken);
                    },
                    cancellationToken);
                return;
            }
            catch (EngineUnavailableException) when (attempt == 1 && used is { IsAlive: false } && window.Samples == 0 && !cancellationToken.IsCancellationRequested)
            {
                // The worker died before this window produced audio: nothing of it reached the
                // client yet, so another worker can speak it from the start.
            }
        }
    }

    /// <summary>Maps a window's segment numbers back to the request's and counts its samples.</summary>
    private sealed class WindowSink(IPcmSink inner) : IPcmSink
    {
        private int _firstSegment;

        public long Samples { get; private set; }

        public void Reset(int firstSegment)
        {
            _firstSegment = firstSegment;
            Samples = 0;
        }

        public ValueTask WriteAsync(ReadOnlyMemory<short> samples, CancellationToken cancellationToken)
        {
            Samples += samples.Length;
            return inner.WriteAsync(samples, cancellationToken);
        }

        public ValueTask EndSegmentAsync(int segment, CancellationToken cancellationToken) =>
            inner.EndSegmentAsync(_firstSegment + segment, cancellationToken);
    }
}
