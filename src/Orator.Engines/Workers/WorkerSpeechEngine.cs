using Orator.Core.Audio;
using Orator.Core.Engines;
using Orator.Core.Errors;

namespace Orator.Engines.Workers;

/// <summary>
/// An engine that runs inside the worker processes of an <see cref="EngineWorkerPool"/>.
/// A request that fails because its worker died before any audio was sent is retried once on
/// another worker, so a crash is invisible to the client whenever that is still possible.
/// </summary>
public sealed class WorkerSpeechEngine : ISpeechEngine
{
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
        var counting = new CountingSink(sink);
        for (var attempt = 1; ; attempt++)
        {
            EngineWorker? used = null;
            try
            {
                await _pool.RunAsync(
                    worker =>
                    {
                        used = worker;
                        return worker.SynthesizeAsync(Id, request.Voice.NativeName, request.Segments, request.Prosody, counting, cancellationToken);
                    },
                    cancellationToken);
                return;
            }
            catch (EngineUnavailableException) when (attempt == 1 && used is { IsAlive: false } && counting.Samples == 0 && !cancellationToken.IsCancellationRequested)
            {
                // Worker died before producing audio: nothing reached the client yet, try again.
            }
        }
    }

    private sealed class CountingSink(IPcmSink inner) : IPcmSink
    {
        public long Samples { get; private set; }

        public ValueTask WriteAsync(ReadOnlyMemory<short> samples, CancellationToken cancellationToken)
        {
            Samples += samples.Length;
            return inner.WriteAsync(samples, cancellationToken);
        }

        public ValueTask EndSegmentAsync(int segment, CancellationToken cancellationToken) => inner.EndSegmentAsync(segment, cancellationToken);
    }
}
