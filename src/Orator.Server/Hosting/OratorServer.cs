using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orator.Server.Admin;
using Orator.Server.Auth;
using Orator.Server.Usage;
using Orator.Storage;
using Orator.Server.Endpoints;
using Orator.Server.Observability;
using Orator.Server.Speech;
using Orator.Speech.Planning;
using Orator.Speech.Hosting;

namespace Orator.Server.Hosting;

/// <summary>
/// The Orator server as a library: the CLI, the functional tests and the benchmarks all start it
/// through here, so they exercise exactly the same host.
/// </summary>
public sealed class OratorServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private readonly UsageRecorder _usage;
    private int _disposed;

    private readonly IDisposable _reload;

    private OratorServer(WebApplication app, EngineHost engines, ApiKeyValidator keys, OratorStorage storage, UsageRecorder usage, long storedKeys, IDisposable reload)
    {
        _reload = reload;
        _app = app;
        Engines = engines;
        Keys = keys;
        Storage = storage;
        _usage = usage;
        StoredKeyCount = storedKeys;
    }

    /// <summary>Stored keys, usage and rate counters.</summary>
    public OratorStorage Storage { get; }

    /// <summary>How many keys the store held at startup (revoked included).</summary>
    public long StoredKeyCount { get; }

    /// <summary>The usage writer.</summary>
    internal UsageRecorder Usage => _usage;

    /// <summary>The engines, models and voices this server offers.</summary>
    public EngineHost Engines { get; }

    /// <summary>The bearer keys in force.</summary>
    internal ApiKeyValidator Keys { get; }

    /// <summary>True when no API keys are configured or stored (at startup) and the API is open to anyone who can reach it.</summary>
    public bool IsOpen => Keys.IsOpen && StoredKeyCount == 0;

    /// <summary>How many API keys are configured.</summary>
    public int KeyCount => Keys.KeyCount;

    /// <summary>The addresses Kestrel is listening on (with real ports when 0 was asked for).</summary>
    public IReadOnlyList<string> Urls =>
        [.. _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? []];

    /// <summary>Builds and starts a server. <paramref name="args"/> are ordinary host arguments (<c>--urls</c>, <c>--Orator:Workers=2</c>...).</summary>
    public static async Task<OratorServer> StartAsync(string[] args, Action<WebApplicationBuilder>? configure = null, CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddJsonFile(Path.Combine(Environment.CurrentDirectory, "orator.json"), optional: true);
        var configFile = Environment.GetEnvironmentVariable("ORATOR_CONFIG");
        if (!string.IsNullOrEmpty(configFile))
        {
            builder.Configuration.AddJsonFile(Path.GetFullPath(configFile), optional: false);
        }

        builder.Configuration.AddCommandLine(args);
        if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
        {
            builder.WebHost.UseUrls(OratorOptions.DefaultUrl);
        }

        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Limits.MaxRequestBodySize = null; // bodies are capped by the speech endpoint with an OpenAI-shaped 413
        });
        builder.Services.AddOptions<OratorOptions>().BindConfiguration(OratorOptions.SectionName)
            .Validate(o => o.MaxQueuedRequests >= 0, "Orator:MaxQueuedRequests must be 0 or more.")
            .Validate(o => o.QueueTimeoutSeconds >= 1, "Orator:QueueTimeoutSeconds must be 1 or more.")
            .ValidateOnStart();
        configure?.Invoke(builder);
        ConsoleLogging.Configure(builder.Logging, builder.Configuration);

        var options = builder.Configuration.GetSection(OratorOptions.SectionName).Get<OratorOptions>() ?? new OratorOptions();
        var keys = new ApiKeyValidator([.. options.ApiKeys, .. ApiKeyValidator.ParseKeyList(Environment.GetEnvironmentVariable("ORATOR_API_KEYS"))]);
        // The engine pool outlives this method and logs (worker replaced...) in the same format as the host.
        var startupLogger = LoggerFactory.Create(l => ConsoleLogging.Configure(l, builder.Configuration)).CreateLogger("Orator.Engines");
        // Read before any worker starts, so a bad lexicon file stops startup with nothing to clean up.
        var preparer = LocalSpeech.PreparerFor(options);
        var storage = await OratorStorage.OpenAsync(options.Storage, cancellationToken: cancellationToken);
        LocalSpeech speech;
        UsageRecorder? usage = null;
        long storedKeys;
        try
        {
            storedKeys = await storage.Keys.CountAsync(cancellationToken);
            usage = new UsageRecorder(storage.Usage, options.Storage, LoggerFactory.Create(l => ConsoleLogging.Configure(l, builder.Configuration)).CreateLogger("Orator.Usage"));
            speech = await LocalSpeech.StartAsync(options, preparer, startupLogger, cancellationToken);
        }
        catch
        {
            if (usage is not null)
            {
                await usage.DisposeAsync();
            }

            await storage.DisposeAsync();
            throw;
        }

        var engines = speech.Engines;
        builder.Services.AddSingleton(engines);
        builder.Services.AddTransient(_ => engines.Catalog); // replaced when models are reloaded
        builder.Services.AddSingleton(keys);
        builder.Services.AddSingleton(storage);
        builder.Services.AddSingleton(storage.Limiter);
        builder.Services.AddSingleton(usage);
        builder.Services.AddSingleton(new KeyAuthenticator(keys, storage.Keys, TimeSpan.FromSeconds(Math.Max(0, options.Storage.KeyCacheSeconds)), TimeProvider.System));
        builder.Services.AddSingleton(AdminKey.From(options.AdminKey));
        builder.Services.AddSingleton<OratorMetrics>();
        builder.Services.AddSingleton<SpeechAdmission>();
        builder.Services.AddSingleton(speech.Planner);

        var app = builder.Build();
        app.UseOratorPipeline();
        app.MapHealthApi();
        app.MapReadyApi();
        app.MapMetricsApi();
        app.MapOpenApiApi();
        app.MapModelsApi();
        app.MapVoicesApi();
        app.MapSpeechApi();
        app.MapNormalizeApi();
        app.MapPlaygroundApi();
        app.MapAdminApi();

        var server = new OratorServer(app, engines, keys, storage, usage, storedKeys, ReloadSignal.Subscribe(engines.ReloadAfterSignal));
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }

        return server;
    }

    /// <summary>Waits until the host is asked to stop (Ctrl+C, SIGTERM) or <paramref name="cancellationToken"/> fires.</summary>
    public Task WaitForShutdownAsync(CancellationToken cancellationToken = default) => _app.WaitForShutdownAsync(cancellationToken);

    /// <summary>The host's services (tests read the mapped endpoints from them).</summary>
    internal IServiceProvider Services => _app.Services;

    /// <summary>The resolved options (after configuration binding).</summary>
    public OratorOptions Options => _app.Services.GetRequiredService<IOptions<OratorOptions>>().Value;

    /// <summary>Stops Kestrel, then the engine workers; a second call does nothing.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _reload.Dispose();
        try
        {
            await _app.StopAsync(CancellationToken.None);
        }
        catch (InvalidOperationException)
        {
            // Never started.
        }

        // Kestrel has drained: every request's usage record is queued; write them all.
        await _usage.DisposeAsync();
        await _app.DisposeAsync();
        await Engines.DisposeAsync();
        await Storage.DisposeAsync();
    }
}
