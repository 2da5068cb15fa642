using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;
using Orator.Server.Hosting;
using Orator.Testing.Logging;
using Orator.Testing.Postgres;

namespace Orator.Functional.Tests.Gateway;

/// <summary>
/// An in-process Orator gateway in front of one upstream process, with its logs captured. Its own
/// engines are disabled, so every audio byte it answers with came through an upstream. Two entries
/// point at the same upstream: <see cref="UpstreamName"/> with the right key (models <c>tts-1</c>,
/// <c>gpt-4o-mini-tts</c>, <c>premium</c> = the upstream's <c>tts-1-hd</c>; voice <c>narrator</c> =
/// its <c>echo</c>), and <see cref="StaleUpstreamName"/> with a key the upstream refuses (model <c>stale</c>).
/// </summary>
public sealed class GatewayServer : IAsyncDisposable
{
    public const string UpstreamName = "gpu";
    public const string StaleUpstreamName = "gpu-stale-key";

    private readonly string _root;

    private GatewayServer(OratorServer server, CapturingLoggerProvider logs, string root)
    {
        Server = server;
        Logs = logs;
        _root = root;
        BaseAddress = new Uri(server.Urls[0].TrimEnd('/') + "/");
    }

    public OratorServer Server { get; }

    public Uri BaseAddress { get; }

    /// <summary>Every log entry of the gateway host (Debug and up), level and event id first.</summary>
    public CapturingLoggerProvider Logs { get; }

    public static async Task<GatewayServer> StartAsync(Uri upstream, GatewayDatabase database)
    {
        var root = Directory.CreateTempSubdirectory("orator-gateway-").FullName;
        var connection = database == GatewayDatabase.Postgres
            ? await (await PostgresCluster.SharedAsync()).CreateDatabaseAsync()
            : Path.Combine(root, "orator.db");
        var baseUrl = new Uri(upstream, "v1").ToString();
        var logs = new CapturingLoggerProvider();
        string[] args =
        [
            "--urls=http://127.0.0.1:0",
            // The capture sees Debug and up (request logs included); the console stays as quiet as the other fixtures'.
            "--Logging:LogLevel:Default=Debug", "--Logging:LogLevel:Microsoft.AspNetCore=Information", "--Logging:Console:LogLevel:Default=Warning",
            $"--Orator:Storage:Provider={(database == GatewayDatabase.Postgres ? "postgres" : "sqlite")}",
            $"--Orator:Storage:ConnectionString={connection}",
            "--Orator:Storage:UsageFlushMilliseconds=200", "--Orator:Storage:KeyCacheSeconds=1",
            $"--Orator:ApiKeys:0={GatewayKeys.Client}", $"--Orator:AdminKey={GatewayKeys.Admin}",
            "--Orator:Workers=1", "--Orator:DisabledEngines:0=flite", "--Orator:DisabledEngines:1=espeak",
            $"--Orator:ModelsPath={Directory.CreateDirectory(Path.Combine(root, "models")).FullName}",
            $"--Orator:Upstreams:{UpstreamName}:BaseUrl={baseUrl}",
            $"--Orator:Upstreams:{UpstreamName}:ApiKey={GatewayKeys.Upstream}",
            $"--Orator:Upstreams:{UpstreamName}:Models:0=tts-1",
            $"--Orator:Upstreams:{UpstreamName}:Models:1=gpt-4o-mini-tts",
            $"--Orator:Upstreams:{UpstreamName}:Models:2=premium=tts-1-hd",
            $"--Orator:Upstreams:{UpstreamName}:Voices:narrator=echo",
            $"--Orator:Upstreams:{StaleUpstreamName}:BaseUrl={baseUrl}",
            $"--Orator:Upstreams:{StaleUpstreamName}:ApiKey={GatewayKeys.StaleUpstream}",
            $"--Orator:Upstreams:{StaleUpstreamName}:Models:0=stale=tts-1",
        ];
        var server = await OratorServer.StartAsync(args, builder => builder.Logging.AddProvider(logs));
        return new GatewayServer(server, logs, root);
    }

    /// <summary>An HttpClient for the gateway presenting <paramref name="apiKey"/> (key A unless told).</summary>
    public HttpClient CreateClient(string? apiKey = GatewayKeys.Client)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromMinutes(2) };
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        }

        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        Directory.Delete(_root, recursive: true);
    }
}
