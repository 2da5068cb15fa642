using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Orator.Functional.Tests.Infrastructure;

/// <summary>
/// A real Kestrel server on 127.0.0.1 that speaks OpenAI's speech API and misbehaves on command:
/// each <c>POST /v1/audio/speech</c> takes the next scripted <see cref="UpstreamFault"/>, or
/// <see cref="DefaultFault"/> when the script is empty. Every request is recorded.
/// </summary>
public sealed partial class FaultyUpstream : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly FaultyUpstreamOptions _options;
    private readonly ConcurrentQueue<UpstreamFault> _script = new();
    private readonly List<RecordedCall> _calls = [];
    private readonly Lock _callsLock = new();
    private readonly CancellationTokenSource _stopping = new();
    private int _requestsSeen;
    private int _connectionsAborted;
    private int _callerDisconnects;
    private int _disposed;

    private FaultyUpstream(WebApplication app, FaultyUpstreamOptions options)
    {
        _app = app;
        _options = options;
        Payload = options.Payload ?? UpstreamPayload.Create(options.Name, options.PayloadLength);
        DefaultFault = options.DefaultFault;
    }

    /// <summary>The API root, <c>http://127.0.0.1:&lt;port&gt;/v1</c>, as an upstream's BaseUrl is configured.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>The audio body of every OK answer.</summary>
    public byte[] Payload { get; }

    /// <summary>What a speech request gets when the script is empty.</summary>
    public UpstreamFault DefaultFault
    {
        get => Volatile.Read(ref field);
        set => Volatile.Write(ref field, value ?? throw new ArgumentNullException(nameof(value)));
    }

    /// <summary>Scripted faults not yet consumed.</summary>
    public int PendingFaults => _script.Count;

    /// <summary>Every request received so far, in arrival order (a snapshot).</summary>
    public IReadOnlyList<RecordedCall> Calls
    {
        get
        {
            lock (_callsLock)
            {
                return [.. _calls];
            }
        }
    }

    /// <summary>Requests that reached the handler, of any method and path.</summary>
    public int RequestsSeen => Volatile.Read(ref _requestsSeen);

    /// <summary>Connections this server broke off itself: reset, cut short, or stopped mid-answer.</summary>
    public int ConnectionsAborted => Volatile.Read(ref _connectionsAborted);

    /// <summary>Answers abandoned because the caller went away before they were complete.</summary>
    public int CallerDisconnects => Volatile.Read(ref _callerDisconnects);

    public static async Task<FaultyUpstream> StartAsync(FaultyUpstreamOptions? options = null, CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder(["--urls=http://127.0.0.1:0"]);
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var upstream = new FaultyUpstream(app, options ?? new FaultyUpstreamOptions());
        app.Run(upstream.HandleAsync);
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        upstream.BaseUrl = new Uri(address.TrimEnd('/') + "/v1");
        return upstream;
    }

    /// <summary>
    /// An http://127.0.0.1:port/v1 address nobody listens on: a port the system just handed out
    /// and took back, so connecting is refused.
    /// </summary>
    public static Uri RefusedAddress()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new Uri($"http://127.0.0.1:{port}/v1");
    }

    /// <summary>Appends to the script; each speech request consumes one, in order.</summary>
    public void Enqueue(params ReadOnlySpan<UpstreamFault> faults)
    {
        foreach (var fault in faults)
        {
            _script.Enqueue(fault ?? throw new ArgumentNullException(nameof(faults)));
        }
    }

    /// <summary>An absolute URL under <see cref="BaseUrl"/>, e.g. <c>UrlOf("audio/speech")</c>.</summary>
    public Uri UrlOf(string relative) => new($"{BaseUrl}/{relative.TrimStart('/')}");

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        // Delays and stalls end now; otherwise Kestrel would wait for them to drain.
        await _stopping.CancelAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(timeout.Token);
        await _app.DisposeAsync();
        _stopping.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        Interlocked.Increment(ref _requestsSeen);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
        try
        {
            await RouteAsync(context, linked.Token);
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException && context.RequestAborted.IsCancellationRequested)
        {
            Interlocked.Increment(ref _callerDisconnects);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            Abort(context);
        }
    }

    private async Task RouteAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var request = context.Request;
        using var reader = new StreamReader(request.Body, Encoding.UTF8, leaveOpen: true);
        var call = RecordedCall.From(request, await reader.ReadToEndAsync(cancellationToken));
        if (_options.RequiredApiKey is { } key && !SameKey(call.BearerToken, key))
        {
            Record(call);
            await WriteJsonAsync(context.Response, StatusCodes.Status401Unauthorized, OpenAiErrors.InvalidApiKey, null, cancellationToken);
            return;
        }

        if (HttpMethods.IsPost(call.Method) && call.Path == "/v1/audio/speech")
        {
            var fault = _script.TryDequeue(out var next) ? next : DefaultFault;
            Record(call with { Fault = fault });
            await SpeakAsync(context, call, fault, cancellationToken);
            return;
        }

        Record(call);
        var (status, json) = Catalog(call);
        await WriteJsonAsync(context.Response, status, json, null, cancellationToken);
    }

    /// <summary>The answer to any request but speech: the voice and model lists, or OpenAI's 404.</summary>
    private (int Status, string Json) Catalog(RecordedCall call)
    {
        if (HttpMethods.IsGet(call.Method) && call.Path == "/v1/audio/voices" && _options.Voices.Count > 0)
        {
            var data = _options.Voices.Select(v => new { id = v, @object = "voice", name = v });
            return (StatusCodes.Status200OK, JsonSerializer.Serialize(new { @object = "list", data }));
        }

        if (HttpMethods.IsGet(call.Method) && call.Path == "/v1/models")
        {
            var data = _options.Models.Select(m => new { id = m, @object = "model", created = 1699046015, owned_by = "system" });
            return (StatusCodes.Status200OK, JsonSerializer.Serialize(new { @object = "list", data }));
        }

        return (StatusCodes.Status404NotFound, OpenAiErrors.InvalidUrl(call.Method, call.Path));
    }

    private void Abort(HttpContext context)
    {
        Interlocked.Increment(ref _connectionsAborted);
        context.Abort();
    }

    private void Record(RecordedCall call)
    {
        lock (_callsLock)
        {
            _calls.Add(call);
        }
    }

    private static bool SameKey(string? presented, string expected) =>
        presented is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(expected));
}
