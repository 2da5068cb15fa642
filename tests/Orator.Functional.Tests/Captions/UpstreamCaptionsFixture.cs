using System.Net.Http.Headers;
using Orator.Functional.Tests.Infrastructure;
using Orator.Server.Hosting;

namespace Orator.Functional.Tests.Captions;

/// <summary>
/// A keyed Orator (real Kestrel and workers) with one loopback upstream, "loopback": it serves
/// the upstream-only model <c>premium</c> (its <c>tts-1-hd</c>) and, at priority 1 before the local
/// engines, <c>tts-1</c>. Upstream APIs give no word timings, so word-timed requests must avoid it.
/// </summary>
public sealed class UpstreamCaptionsFixture : IAsyncLifetime
{
    public const string ClientKey = "sk-captions-client-3e81b2";
    public const string UpstreamKey = "sk-captions-upstream-c07d4a";

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "orator-captions-" + Guid.NewGuid().ToString("N"));
    private OratorServer? _server;
    private FaultyUpstream? _upstream;

    public OratorServer Server => _server ?? throw new InvalidOperationException("Not started.");

    public FaultyUpstream Upstream => _upstream ?? throw new InvalidOperationException("Not started.");

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Speech requests the upstream has received so far.</summary>
    public int UpstreamSpeechCalls => Upstream.Calls.Count(c => c.Path == "/v1/audio/speech");

    /// <summary>A client that sends <paramref name="key"/> (the client key by default; null sends none).</summary>
    public HttpClient CreateClient(string? key = ClientKey)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromMinutes(2) };
        if (key is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        return client;
    }

    public async Task InitializeAsync()
    {
        _upstream = await FaultyUpstream.StartAsync(new FaultyUpstreamOptions { Name = "loopback", RequiredApiKey = UpstreamKey });
        Directory.CreateDirectory(_directory);
        _server = await OratorServer.StartAsync(
        [
            "--urls=http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning", "--Orator:Workers=1", $"--Orator:ApiKeys:0={ClientKey}",
            $"--Orator:Storage:ConnectionString={Path.Combine(_directory, "orator.db")}", "--Orator:Storage:UsageFlushMilliseconds=10",
            $"--Orator:Upstreams:loopback:BaseUrl={_upstream.BaseUrl}",
            $"--Orator:Upstreams:loopback:ApiKey={UpstreamKey}",
            "--Orator:Upstreams:loopback:Models:0=premium=tts-1-hd",
            "--Orator:Upstreams:loopback:Models:1=tts-1",
            "--Orator:Upstreams:loopback:Priority=1",
        ]);
        BaseAddress = new Uri(_server.Urls[0].TrimEnd('/') + "/");
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        if (_upstream is not null)
        {
            await _upstream.DisposeAsync();
        }

        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
