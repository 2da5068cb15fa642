namespace Orator.Functional.Tests.Gateway;

/// <summary>
/// One real <c>orator serve</c> process as the upstream (it accepts only key B) and the gateways in
/// front of it, each started once for the whole collection: the SQLite one at once, the PostgreSQL
/// one when a test first asks for it.
/// </summary>
public sealed class GatewayFixture : IAsyncLifetime
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private GatewayServer? _sqlite;
    private GatewayServer? _postgres;
    private OratorServeProcess? _upstream;

    /// <summary>The upstream Orator process.</summary>
    public OratorServeProcess Upstream => _upstream ?? throw new InvalidOperationException("Not started.");

    /// <summary>The gateway on SQLite.</summary>
    public GatewayServer Gateway => _sqlite ?? throw new InvalidOperationException("Not started.");

    /// <summary>An HttpClient straight to the upstream, with its key (B).</summary>
    public HttpClient CreateUpstreamClient() => Upstream.CreateClient(GatewayKeys.Upstream);

    /// <summary>The gateway on <paramref name="database"/>, started on first use.</summary>
    public async Task<GatewayServer> GatewayOnAsync(GatewayDatabase database)
    {
        if (database == GatewayDatabase.Sqlite)
        {
            return Gateway;
        }

        await _gate.WaitAsync();
        try
        {
            return _postgres ??= await GatewayServer.StartAsync(Upstream.BaseAddress, GatewayDatabase.Postgres);
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task InitializeAsync()
    {
        // Verbose, so the check that no key is ever logged reads its request logs too.
        _upstream = await OratorServeProcess.StartAsync([$"--Orator:ApiKeys:0={GatewayKeys.Upstream}", "--Logging:LogLevel:Default=Debug", "--Logging:LogLevel:Microsoft.AspNetCore=Information"]);
        _sqlite = await GatewayServer.StartAsync(Upstream.BaseAddress, GatewayDatabase.Sqlite);
    }

    public async Task DisposeAsync()
    {
        foreach (var gateway in new[] { _postgres, _sqlite })
        {
            if (gateway is not null)
            {
                await gateway.DisposeAsync();
            }
        }

        if (_upstream is not null)
        {
            await _upstream.DisposeAsync();
        }

        _gate.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class GatewayCollection : ICollectionFixture<GatewayFixture>
{
    public const string Name = "gateway with an upstream process";
}
