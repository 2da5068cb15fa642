using Microsoft.Extensions.Options;
using Orator.Server.Hosting;
using Orator.Speech.Hosting;

namespace Orator.Server.Speech;

/// <summary>
/// Bounds how many speech requests may wait for their first audio at once: one per worker (being
/// served) plus <see cref="OratorOptions.MaxQueuedRequests"/> (queued). A request over the bound is
/// refused at once with 503 instead of joining an ever longer queue. A request leaves the count when
/// its first audio goes out, so a request that is already streaming is never refused between its
/// windows of sentences. See docs/architecture/overload.md.
/// </summary>
internal sealed class SpeechAdmission
{
    private int _pending;

    /// <summary>Creates the limit from the options and the pool size.</summary>
    public SpeechAdmission(IOptions<OratorOptions> options, EngineHost engines)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(engines);
        Capacity = (engines.Pool?.Size ?? 0) + options.Value.MaxQueuedRequests;
    }

    /// <summary>How many requests may be waiting for their first audio at once.</summary>
    public int Capacity { get; }

    /// <summary>Requests admitted that have not produced audio yet.</summary>
    public int Pending => Volatile.Read(ref _pending);

    /// <summary>Admits a request, or returns null when the queue is full.</summary>
    public Ticket? TryAdmit()
    {
        if (Interlocked.Increment(ref _pending) <= Capacity)
        {
            return new Ticket(this);
        }

        Interlocked.Decrement(ref _pending);
        return null;
    }

    /// <summary>One admitted request's place; released at its first audio or when it ends, whichever is first.</summary>
    public sealed class Ticket : IDisposable
    {
        private SpeechAdmission? _owner;

        internal Ticket(SpeechAdmission owner) => _owner = owner;

        /// <summary>Gives the place back; later calls do nothing.</summary>
        public void Release()
        {
            if (Interlocked.Exchange(ref _owner, null) is { } owner)
            {
                Interlocked.Decrement(ref owner._pending);
            }
        }

        /// <inheritdoc />
        public void Dispose() => Release();
    }
}
