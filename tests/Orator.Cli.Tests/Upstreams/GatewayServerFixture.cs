using Orator.Server.Hosting;

namespace Orator.Cli.Tests.Upstreams;

/// <summary>
/// A real Orator server on a loopback port (Kestrel, one engine worker) that requires
/// <see cref="Key"/>, and is itself a gateway: its one upstream, <see cref="DeadUpstream"/>, serves
/// <see cref="DeadModel"/> at an address nothing listens on, and one failure opens its circuit.
/// It is both the upstream the probes call and the server whose state <c>list --server</c> reads.
/// </summary>
public sealed class GatewayServerFixture : IAsyncLifetime
{
    public const string Key = "sk-cli-tests-right-0123456789";
    public const string DeadUpstream = "dead";
    public const string DeadModel = "remote-only";

    private readonly string _storageDirectory = Path.Combine(Path.GetTempPath(), "orator-cli-upstreams-" + Guid.NewGuid().ToString("N"));
    private OratorServer? _server;

    /// <summary>The server's base address, without a trailing slash (http://127.0.0.1:41234).</summary>
    public string BaseUrl { get; private set; } = "";

    /// <summary>The server's own upstream settings, as <c>--Orator:...</c> arguments (so the CLI can be given the same).</summary>
    public IReadOnlyList<string> DeadUpstreamArguments { get; } = Upstream(DeadUpstream, $"http://127.0.0.1:{LoopbackPorts.Refused()}", DeadModel, "--Orator:Upstreams:dead:FailureThreshold=1", "--Orator:Upstreams:dead:OpenSeconds=600");

    /// <summary>Arguments configuring upstream <paramref name="name"/> at <paramref name="baseUrl"/> serving <paramref name="model"/>, plus <paramref name="extra"/>.</summary>
    public static string[] Upstream(string name, string baseUrl, string model, params string[] extra) =>
        [$"--Orator:Upstreams:{name}:BaseUrl={baseUrl}", $"--Orator:Upstreams:{name}:Models:0={model}", .. extra];

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_storageDirectory);
        _server = await OratorServer.StartAsync(["--urls=http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning", "--Orator:Workers=1",
            $"--Orator:ApiKeys:0={Key}", $"--Orator:Storage:ConnectionString={Path.Combine(_storageDirectory, "orator.db")}", .. DeadUpstreamArguments]);
        BaseUrl = _server.Urls[0].TrimEnd('/');
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        if (Directory.Exists(_storageDirectory))
        {
            Directory.Delete(_storageDirectory, recursive: true);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class GatewayServerCollection : ICollectionFixture<GatewayServerFixture>
{
    public const string Name = "gateway server";
}
