namespace Orator.Gateway.Upstreams;

/// <summary>
/// One upstream's circuit: closed while it answers; open after <c>threshold</c> consecutive
/// failures (or at once, until a given time, for a 429 or a refused key); after the wait one probe
/// request goes through (half-open) and its result closes or reopens it. Thread-safe.
/// </summary>
public sealed class CircuitBreaker
{
    private readonly Lock _gate = new();
    private readonly int _threshold;
    private readonly TimeSpan _openFor;
    private readonly TimeProvider _time;
    private int _failures;
    private DateTimeOffset? _openUntil;
    private bool _probing;

    /// <summary>Creates a closed circuit.</summary>
    public CircuitBreaker(int threshold, TimeSpan openFor, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(threshold);
        _threshold = threshold;
        _openFor = openFor;
        _time = time ?? throw new ArgumentNullException(nameof(time));
    }

    /// <summary>The state now.</summary>
    public CircuitState State
    {
        get
        {
            lock (_gate)
            {
                return StateAt(_time.GetUtcNow());
            }
        }
    }

    /// <summary>Why it was last opened (<c>failures</c>, <c>rate_limited</c>, <c>unauthorized</c>), while open or half-open.</summary>
    public string? OpenReason { get; private set; }

    /// <summary>How long until a request may go through again (zero when one may now).</summary>
    public TimeSpan RetryAfter
    {
        get
        {
            lock (_gate)
            {
                var now = _time.GetUtcNow();
                return _openUntil is { } until && until > now ? until - now : TimeSpan.Zero;
            }
        }
    }

    /// <summary>Lets a request through, or not; <paramref name="probe"/> is true for the half-open probe (end it with <see cref="Succeeded"/>, <see cref="Failed"/> or <see cref="Abandoned"/>).</summary>
    public bool TryEnter(out bool probe)
    {
        lock (_gate)
        {
            probe = false;
            switch (StateAt(_time.GetUtcNow()))
            {
                case CircuitState.Closed:
                    return true;
                case CircuitState.HalfOpen when !_probing:
                    _probing = true;
                    probe = true;
                    return true;
                default:
                    return false;
            }
        }
    }

    /// <summary>A request got its audio: the circuit closes.</summary>
    public void Succeeded()
    {
        lock (_gate)
        {
            _failures = 0;
            _openUntil = null;
            _probing = false;
            OpenReason = null;
        }
    }

    /// <summary>A request failed on the upstream's side: counts toward opening; a failed probe reopens at once.</summary>
    public void Failed()
    {
        lock (_gate)
        {
            _failures++;
            if (_probing || _failures >= _threshold)
            {
                Open(_time.GetUtcNow() + _openFor, "failures");
            }
        }
    }

    /// <summary>Opens until <paramref name="until"/> whatever the count (a 429's Retry-After, a refused key).</summary>
    public void OpenUntil(DateTimeOffset until, string reason)
    {
        lock (_gate)
        {
            Open(until, reason);
        }
    }

    /// <summary>A probe ended without a verdict (the client went away first): the next request probes.</summary>
    public void Abandoned()
    {
        lock (_gate)
        {
            _probing = false;
        }
    }

    private void Open(DateTimeOffset until, string reason)
    {
        _openUntil = _openUntil is { } current && current > until ? current : until;
        _probing = false;
        OpenReason = reason;
    }

    private CircuitState StateAt(DateTimeOffset now) => _openUntil switch
    {
        null => CircuitState.Closed,
        { } until when now < until => CircuitState.Open,
        _ => CircuitState.HalfOpen,
    };
}
