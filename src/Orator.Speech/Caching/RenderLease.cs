using Orator.Speech.Planning;
using Orator.Speech.Rendering;

namespace Orator.Speech.Caching;

/// <summary>
/// The right, and the duty, to render one key: <see cref="RenderAsync"/> renders and stores the
/// result if it completed; disposing without rendering (refused, overloaded) releases the
/// requests waiting on it, which then render for themselves.
/// </summary>
public sealed class RenderLease : IDisposable
{
    private readonly RenderCache _cache;
    private readonly TaskCompletionSource<CachedRender?> _result = new(TaskCreationOptions.RunContinuationsAsynchronously);

    internal RenderLease(RenderCache cache, RenderKey key, int generation)
    {
        _cache = cache;
        Key = key;
        Generation = generation;
    }

    /// <summary>The key being rendered.</summary>
    public RenderKey Key { get; }

    internal int Generation { get; }

    /// <summary>The stored entry once the render ended, or null when it did not complete.</summary>
    internal Task<CachedRender?> Result => _result.Task;

    /// <summary>Renders <paramref name="plan"/> into <paramref name="output"/>, keeping a copy to store if it completes.</summary>
    public async Task<RenderOutcome> RenderAsync(SpeechPlan plan, ISpeechOutput output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(output);
        using var recording = new RecordingOutput(output, _cache.MaxEntryBytes);
        CachedRender? entry = null;
        try
        {
            var outcome = await SpeechRenderer.RenderAsync(plan, recording, cancellationToken);
            if (outcome.Status == RenderStatus.Completed)
            {
                entry = recording.ToEntry();
            }

            return outcome;
        }
        finally
        {
            Finish(entry, store: true);
        }
    }

    /// <summary>Releases waiting requests without storing anything (if the lease was not used).</summary>
    public void Dispose() => Finish(null, store: false);

    internal void Finish(CachedRender? entry, bool store)
    {
        if (_result.Task.IsCompleted)
        {
            return;
        }

        _cache.Complete(this, entry, store);
        _result.TrySetResult(entry);
    }
}
