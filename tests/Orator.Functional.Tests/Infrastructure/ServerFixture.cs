using System.Net.Http.Headers;
using Orator.Server.Hosting;

namespace Orator.Functional.Tests.Infrastructure;

/// <summary>
/// A real Orator server on a loopback port (Kestrel, real engine worker processes), shared by
/// the tests of one collection. Subclasses choose the configuration.
/// </summary>
public abstract class ServerFixture : IAsyncLifetime
{
    private readonly string _storageDirectory = Path.Combine(Path.GetTempPath(), "orator-functional-" + Guid.NewGuid().ToString("N"));
    private OratorServer? _server;

    /// <summary>The running server.</summary>
    public OratorServer Server => _server ?? throw new InvalidOperationException("Server not started.");

    /// <summary>Base address, e.g. http://127.0.0.1:41234/.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Extra host arguments for this fixture.</summary>
    protected virtual IEnumerable<string> Arguments => [];

    /// <summary>The key requests present, when the fixture configures keys.</summary>
    public virtual string? ApiKey => null;

    public async Task InitializeAsync()
    {
        // A private key/usage database, so keys stored in the user's default one cannot close these servers.
        Directory.CreateDirectory(_storageDirectory);
        _server = await OratorServer.StartAsync(["--urls=http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning",
            $"--Orator:Storage:ConnectionString={Path.Combine(_storageDirectory, "orator.db")}", .. Arguments]);
        BaseAddress = new Uri(_server.Urls[0].TrimEnd('/') + "/");
    }

    /// <summary>An HttpClient for the server, with the fixture's key when it has one.</summary>
    public HttpClient CreateClient(string? apiKey = null)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromMinutes(3) };
        var key = apiKey ?? ApiKey;
        if (key is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        return client;
    }

    public virtual async Task DisposeAsync()
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

/// <summary>An open server (no keys) with two engine workers.</summary>
public sealed class OpenServerFixture : ServerFixture
{
    protected override IEnumerable<string> Arguments => ["--Orator:Workers=2"];
}

/// <summary>A server that requires one of two configured keys.</summary>
public sealed class KeyedServerFixture : ServerFixture
{
    public const string Key = "sk-test-alpha-0123456789";

    public override string? ApiKey => Key;

    protected override IEnumerable<string> Arguments => ["--Orator:Workers=1", $"--Orator:ApiKeys:0={Key}", "--Orator:ApiKeys:1=sk-test-beta"];
}

/// <summary>A keyed server whose listings need a key too (<c>Orator:PublicCatalog=false</c>).</summary>
public sealed class PrivateCatalogServerFixture : ServerFixture
{
    public override string? ApiKey => KeyedServerFixture.Key;

    protected override IEnumerable<string> Arguments => ["--Orator:Workers=1", $"--Orator:ApiKeys:0={KeyedServerFixture.Key}", "--Orator:PublicCatalog=false"];
}

[CollectionDefinition(Name)]
public sealed class OpenServerCollection : ICollectionFixture<OpenServerFixture>
{
    public const string Name = "open server";
}

[CollectionDefinition(Name)]
public sealed class KeyedServerCollection : ICollectionFixture<KeyedServerFixture>
{
    public const string Name = "keyed server";
}

/// <summary>A private server for tests that kill workers or hog them (one per test class).</summary>
public sealed class IsolatedServerFixture : ServerFixture
{
    protected override IEnumerable<string> Arguments => ["--Orator:Workers=2"];
}

/// <summary>A server whose Flite engine is unavailable, as on a machine without the flite packages.</summary>
public sealed class NoFliteServerFixture : ServerFixture
{
    protected override IEnumerable<string> Arguments => ["--Orator:Workers=1", "--Orator:DisabledEngines:0=flite"];
}
