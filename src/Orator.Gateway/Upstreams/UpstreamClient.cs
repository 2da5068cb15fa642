using System.Net;
using Orator.Gateway.Configuration;

namespace Orator.Gateway.Upstreams;

/// <summary>
/// One upstream at run time: its definition, its HTTP connections, its circuit, how many calls
/// are in flight, and the voices it offers. Kept across a reload while the definition is unchanged
/// (so a reload does not close a circuit that is open for a reason).
/// </summary>
public sealed class UpstreamClient : IDisposable
{
    private readonly SemaphoreSlim? _slots;
    private IReadOnlyList<string> _voices;

    /// <summary>Creates the client of <paramref name="definition"/>.</summary>
    public UpstreamClient(UpstreamDefinition definition, TimeProvider time)
    {
        Definition = definition ?? throw new ArgumentNullException(nameof(definition));
        ArgumentNullException.ThrowIfNull(time);
        Time = time;
        Circuit = new CircuitBreaker(definition.Limits.FailureThreshold, definition.Limits.OpenFor, time);
        _slots = definition.Limits.MaxConcurrency > 0 ? new SemaphoreSlim(definition.Limits.MaxConcurrency) : null;
        Http = new HttpClient(new SocketsHttpHandler
        {
            ConnectTimeout = definition.Limits.Timeout,
            AutomaticDecompression = DecompressionMethods.None,
            // A response left half read (the client went away, the stream broke) closes its connection
            // at once instead of being drained for up to 2 s.
            MaxResponseDrainSize = 0,
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(60),
            // Connections are re-resolved now and then, so a DNS change (a moved GPU box) is picked up.
            PooledConnectionLifetime = TimeSpan.FromMinutes(10),
            MaxConnectionsPerServer = definition.Limits.MaxConcurrency > 0 ? definition.Limits.MaxConcurrency : int.MaxValue,
        })
        {
            // Timeouts are per call (to the first byte, then between bytes), never for a whole stream.
            Timeout = Timeout.InfiniteTimeSpan,
        };
        _voices = UpstreamVoices.Fallback(definition);
    }

    /// <summary>The upstream's settings.</summary>
    public UpstreamDefinition Definition { get; }

    /// <summary>The upstream's name.</summary>
    public string Name => Definition.Name;

    /// <summary>Its circuit.</summary>
    public CircuitBreaker Circuit { get; }

    /// <summary>The clock (tests move it).</summary>
    public TimeProvider Time { get; }

    /// <summary>Calls in flight now.</summary>
    public int InFlight => Definition.Limits.MaxConcurrency > 0 ? Definition.Limits.MaxConcurrency - _slots!.CurrentCount : _unlimitedInFlight;

    private int _unlimitedInFlight;

    /// <summary>The voices it offers: listed by the upstream when it lists them, else the OpenAI names, plus the configured names.</summary>
    public IReadOnlyList<string> Voices => Volatile.Read(ref _voices);

    /// <summary>True when <see cref="Voices"/> came from the upstream's own list.</summary>
    public bool VoicesListed { get; private set; }

    internal HttpClient Http { get; }

    /// <summary>Takes a place under <c>MaxConcurrency</c>; false when all are taken (the request goes elsewhere).</summary>
    public bool TryReserve()
    {
        if (_slots is null)
        {
            Interlocked.Increment(ref _unlimitedInFlight);
            return true;
        }

        return _slots.Wait(0);
    }

    /// <summary>Gives back a place taken by <see cref="TryReserve"/>.</summary>
    public void Release()
    {
        if (_slots is null)
        {
            Interlocked.Decrement(ref _unlimitedInFlight);
        }
        else
        {
            _slots.Release();
        }
    }

    /// <summary>Asks the upstream for its voices (<c>GET {base}/audio/voices</c>); keeps the fallback when it has no such list.</summary>
    public async Task RefreshVoicesAsync(CancellationToken cancellationToken)
    {
        if (await UpstreamVoices.FetchAsync(this, cancellationToken) is { } listed)
        {
            Volatile.Write(ref _voices, listed);
            VoicesListed = true;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Http.Dispose();
        _slots?.Dispose();
    }
}
