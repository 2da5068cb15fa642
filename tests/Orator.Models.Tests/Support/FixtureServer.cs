using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Orator.Models.Tests.Support;

/// <summary>
/// Real Kestrel on 127.0.0.1, port 0, serving fixture bytes at paths, with byte ranges
/// (206/416) done by hand so each test controls exactly what the downloader receives.
/// </summary>
public sealed partial class FixtureServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, (byte[] Body, FixtureBehavior Behavior)> _files = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _dropped = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopping = new();

    private FixtureServer(WebApplication app) => _app = app;

    /// <summary>Every request in arrival order.</summary>
    public ConcurrentQueue<FixtureRequest> Requests { get; } = new();

    /// <summary>Base address, ending in '/'.</summary>
    public Uri BaseUri { get; private set; } = null!;

    public static async Task<FixtureServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new FixtureServer(app);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUri = new Uri(address.TrimEnd('/') + "/");
        return server;
    }

    /// <summary>Serves <paramref name="body"/> at <paramref name="path"/> (no leading slash).</summary>
    public void Serve(string path, byte[] body, FixtureBehavior? behavior = null) => _files[path] = (body, behavior ?? new FixtureBehavior());

    /// <summary>Stops serving <paramref name="path"/> (404 from now on).</summary>
    public void Forget(string path) => _files.TryRemove(path, out _);

    /// <summary>Requests for one path.</summary>
    public IReadOnlyList<FixtureRequest> RequestsFor(string path) => [.. Requests.Where(r => r.Path == path)];

    private async Task HandleAsync(HttpContext context)
    {
        var path = Uri.UnescapeDataString(context.Request.Path.Value!.TrimStart('/'));
        var range = context.Request.Headers.Range.ToString();
        range = range.Length == 0 ? null : range;
        if (!_files.TryGetValue(path, out var file))
        {
            Requests.Enqueue(new FixtureRequest(path, range, 404));
            context.Response.StatusCode = 404;
            return;
        }

        var (body, behavior) = file;
        if (behavior.Status is { } status)
        {
            Requests.Enqueue(new FixtureRequest(path, range, status));
            context.Response.StatusCode = status;
            return;
        }

        if (behavior.AnnounceLength is { } announced)
        {
            Requests.Enqueue(new FixtureRequest(path, range, 200));
            context.Response.ContentLength = announced;
            await context.Response.Body.WriteAsync(body.AsMemory(0, 1));
            await context.Response.Body.FlushAsync();
            await WaitForClientAsync(context, TimeSpan.FromSeconds(30));
            context.Abort();
            return;
        }

        long start = 0;
        var match = range is null || behavior.IgnoreRange ? null : RangePattern().Match(range);
        if (match is { Success: true })
        {
            start = long.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            if (start >= body.Length)
            {
                Requests.Enqueue(new FixtureRequest(path, range, 416));
                context.Response.StatusCode = 416;
                context.Response.Headers.ContentRange = $"bytes */{body.Length}";
                return;
            }

            context.Response.StatusCode = 206;
            context.Response.Headers.ContentRange = $"bytes {start}-{body.Length - 1}/{body.Length}";
        }

        Requests.Enqueue(new FixtureRequest(path, range, context.Response.StatusCode));
        context.Response.Headers.AcceptRanges = behavior.IgnoreRange ? "none" : "bytes";
        context.Response.ContentLength = body.Length - start;
        var slice = body.AsMemory((int)start);

        if (behavior.DropAfterBytesOnce is { } dropAt && _dropped.TryAdd(path, true))
        {
            await context.Response.Body.WriteAsync(slice[..(int)dropAt]);
            await context.Response.Body.FlushAsync();
            // Give the client time to read what was sent: a reset discards bytes still unread in its socket.
            if (behavior.ClientHolds is { } holds)
            {
                for (int poll = 0; poll < 1000 && !holds() && !context.RequestAborted.IsCancellationRequested; poll++)
                {
                    await WaitForClientAsync(context, TimeSpan.FromMilliseconds(10));
                }
            }
            else
            {
                await WaitForClientAsync(context, TimeSpan.FromMilliseconds(300));
            }
            context.Abort();
            return;
        }

        if (behavior.StallAfterBytes is { } stallAt)
        {
            await context.Response.Body.WriteAsync(slice[..(int)stallAt]);
            await context.Response.Body.FlushAsync();
            await WaitForClientAsync(context, Timeout.InfiniteTimeSpan);
            return;
        }

        await context.Response.Body.WriteAsync(slice);
    }

    private async Task WaitForClientAsync(HttpContext context, TimeSpan delay)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
        try
        {
            await Task.Delay(delay, linked.Token);
        }
        catch (OperationCanceledException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _stopping.Dispose();
    }

    [GeneratedRegex(@"^bytes=(\d+)-$")]
    private static partial Regex RangePattern();
}
