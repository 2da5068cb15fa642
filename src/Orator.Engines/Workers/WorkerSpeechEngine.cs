using Orator.Core.Audio;
using Orator.Core.Engines;
using Orator.Core.Errors;

namespace Orator.Engines.Workers;

/// <summary>
/// An engine that runs inside the worker processes of an <see cref="EngineWorkerPool"/>.
/// A request's segments go to the workers in windows: the first window is the first segment
/// alone (so its audio starts at once), later ones a few segments each. The window whose turn it
/// is streams straight to the sink; meanwhile later windows render on workers that are idle with
/// nobody waiting for them (look-ahead), into buffers that are replayed, in order, when their
/// turn comes. So one long request uses every core of an idle machine, while under load it
/// takes no worker from anyone: between windows it queues again behind other requests, and
/// look-ahead only ever takes a worker nobody is waiting for. A window whose worker died before
/// any of its audio reached the client is rendered again, invisibly to the client.
/// </summary>
public sealed class WorkerSpeechEngine : ISpeechEngine
{
    /// <summary>Segments per window after the first.</summary>
    public const int WindowSegments = 2;

    private readonly EngineWorkerPool _pool;
    private long _windowsAhead;

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

    /// <summary>
    /// How many windows one request may render ahead of the one being heard; 0 renders strictly
    /// one window after another. Defaults to every worker but the one streaming.
    /// </summary>
    public int MaxWindowsAhead { get; set; } = int.MaxValue;

    /// <summary>How many windows were rendered ahead, on a second worker, since start.</summary>
    public long WindowsRenderedAhead => Interlocked.Read(ref _windowsAhead);

    /// <inheritdoc />
    public async Task SynthesizeAsync(SynthesisRequest request, IPcmSink sink, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(sink);
        using var render = new WindowedRender(this, request, sink, cancellationToken);
        try
        {
            await render.RunAsync();
        }
        finally
        {
            await render.StopAsync();
        }
    }

    /// <summary>One request's windows: which is being heard, which render ahead.</summary>
    private sealed class WindowedRender : IDisposable
    {
        private readonly WorkerSpeechEngine _engine;
        private readonly SynthesisRequest _request;
        private readonly IPcmSink _sink;
        private readonly CancellationToken _clientGone;
        private readonly CancellationTokenSource _stop;
        private readonly Queue<AheadWindow> _ahead = new();
        private readonly int _windows;
        private readonly int _maxAhead;
        private readonly bool _words;
        private int _nextToLaunch;

        public WindowedRender(WorkerSpeechEngine engine, SynthesisRequest request, IPcmSink sink, CancellationToken cancellationToken)
        {
            _engine = engine;
            _request = request;
            _sink = sink;
            _clientGone = cancellationToken;
            _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            _windows = WindowCount(request.Segments.Count);
            _maxAhead = Math.Clamp(engine.MaxWindowsAhead, 0, 2 * engine._pool.Size);
            _words = request.Words && sink is IWordTimingSink;
        }

        public async Task RunAsync()
        {
            var live = new WindowSink(_sink);
            for (var window = 0; window < _windows; window++)
            {
                var (start, count) = WindowAt(window);
                if (_ahead.TryPeek(out var ready) && ready.Window == window)
                {
                    _ahead.Dequeue();
                    using (ready)
                    {
                        LaunchAhead();
                        if (await ready.TryFinishAsync())
                        {
                            live.Reset(start);
                            await ready.Buffer.ReplayAsync(live, _clientGone);
                            continue;
                        }
                    }

                    // Its worker died: nothing of it was heard, so it runs again, live.
                }

                _nextToLaunch = Math.Max(_nextToLaunch, window + 1);
                live.Reset(start);
                var running = RunLiveAsync(Segments(start, count), live);
                if (window > 0)
                {
                    // Not beside the first window: its audio is the time to first audio, and a
                    // second worker rendering at the same time takes CPU from it and from the
                    // encoder; look-ahead starts once the first sentence is out.
                    LaunchAhead();
                }

                await running;
            }
        }

        /// <summary>Cancels every window still rendering ahead and waits until their workers are back.</summary>
        public async Task StopAsync()
        {
            if (_ahead.Count == 0)
            {
                return;
            }

            await _stop.CancelAsync();
            while (_ahead.TryDequeue(out var window))
            {
                using (window)
                {
                    await window.Completion.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                }
            }
        }

        public void Dispose() => _stop.Dispose();

        private void LaunchAhead()
        {
            var pool = _engine._pool;
            while (_ahead.Count < _maxAhead && _nextToLaunch < _windows && pool.TryRentIdle(out var worker))
            {
                var window = _nextToLaunch++;
                Interlocked.Increment(ref _engine._windowsAhead);
                var (start, count) = WindowAt(window);
                _ahead.Enqueue(new AheadWindow(window, RunAheadAsync(worker, Segments(start, count))));
            }
        }

        private async Task<BufferedWindow> RunAheadAsync(EngineWorker worker, string[] segments)
        {
            var buffer = new BufferedWindow();
            try
            {
                await Task.Yield(); // the caller goes on launching while this one renders
                await _engine._pool.RunOnAsync(worker, w => w.SynthesizeAsync(_engine.Id, _request.Voice.NativeName, segments, _request.Prosody, buffer, _stop.Token, _words));
                return buffer;
            }
            catch
            {
                buffer.Dispose();
                throw;
            }
        }

        private async Task RunLiveAsync(string[] segments, WindowSink window)
        {
            for (var attempt = 1; ; attempt++)
            {
                EngineWorker? used = null;
                try
                {
                    await _engine._pool.RunAsync(
                        worker =>
                        {
                            used = worker;
                            return worker.SynthesizeAsync(_engine.Id, _request.Voice.NativeName, segments, _request.Prosody, window, _clientGone, _words);
                        },
                        _clientGone);
                    return;
                }
                catch (EngineUnavailableException) when (attempt == 1 && used is { IsAlive: false } && window.Samples == 0 && !_clientGone.IsCancellationRequested)
                {
                    // The worker died before this window produced audio: nothing of it reached the
                    // client yet, so another worker can speak it from the start.
                }
            }
        }

        private string[] Segments(int start, int count)
        {
            var segments = new string[count];
            for (var i = 0; i < count; i++)
            {
                segments[i] = _request.Segments[start + i];
            }

            return segments;
        }

        private (int Start, int Count) WindowAt(int window)
        {
            var start = window == 0 ? 0 : 1 + ((window - 1) * WindowSegments);
            return (start, Math.Min(window == 0 ? 1 : WindowSegments, _request.Segments.Count - start));
        }

        private static int WindowCount(int segments) => segments == 0 ? 0 : 1 + ((segments - 1 + WindowSegments - 1) / WindowSegments);
    }

    /// <summary>A window rendering ahead into its buffer.</summary>
    private sealed class AheadWindow(int window, Task<BufferedWindow> rendering) : IDisposable
    {
        public int Window { get; } = window;

        public Task Completion => rendering;

        public BufferedWindow Buffer => rendering.Result;

        /// <summary>True once rendered; false when its worker died (render it again); other failures propagate.</summary>
        public async Task<bool> TryFinishAsync()
        {
            try
            {
                await rendering;
                return true;
            }
            catch (EngineUnavailableException)
            {
                return false;
            }
        }

        public void Dispose()
        {
            if (rendering.IsCompletedSuccessfully)
            {
                rendering.Result.Dispose();
            }
        }
    }

    /// <summary>Maps a window's segment numbers (of segment ends and words) back to the request's and counts its samples.</summary>
    private sealed class WindowSink(IPcmSink inner) : IPcmSink, IWordTimingSink
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

        public ValueTask WordAsync(WordTiming word, CancellationToken cancellationToken) =>
            inner is IWordTimingSink words
                ? words.WordAsync(word with { Segment = _firstSegment + word.Segment }, cancellationToken)
                : ValueTask.CompletedTask;
    }
}
