using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orator.Gateway.Configuration;
using Orator.Gateway.Routing;
using Orator.Server.Admin;
using Orator.Server.Auth;
using Orator.Server.Usage;
using Orator.Storage;
using Orator.Server.Endpoints;
using Orator.Server.Observability;
using Orator.Server.Speech;
using Orator.Speech.Planning;
using Orator.Speech.Caching;
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

    private const string UpstreamLoggerName = "Orator.Upstreams";
    private readonly CancellationTokenSource _stopping = new();

    private OratorServer(WebApplication app, OratorOptions options, EngineHost engines, ApiKeyValidator keys, OratorStorage storage, UsageRecorder usage, long storedKeys, IDisposable reload, UpstreamGateway gateway)
    {
        Gateway = gateway;
        _reload = reload;
        _app = app;
        Options = options;
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

    /// <summary>The upstreams and the routes of models across backends.</summary>
    public UpstreamGateway Gateway { get; }

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

    /// <summary>
    /// Builds and starts a server. <paramref name="args"/> are ordinary host arguments (<c>--urls</c>,
    /// <c>--Orator:Workers=2</c>...), the highest layer of <see cref="OratorConfiguration"/>.
    /// </summary>
    /// <exception cref="OratorConfigurationException">The configuration cannot be used; nothing was opened or started.</exception>
    public static async Task<OratorServer> StartAsync(string[] args, Action<WebApplicationBuilder>? configure = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        // The host's own defaults (appsettings.json, environment, command line, in its order) give way
        // to exactly the sources every other command reads, in one order.
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddOratorSources(args);
        if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
        {
            builder.WebHost.UseUrls(OratorOptions.DefaultUrl);
        }

        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Limits.MaxRequestBodySize = null; // bodies are capped by the speech endpoint with an OpenAI-shaped 413
        });
        configure?.Invoke(builder);

        // Bound once and checked before anything is opened or started; every IOptions<OratorOptions> is this instance.
        var options = OratorOptions.FromConfiguration(builder.Configuration);
        builder.Services.AddSingleton<IOptions<OratorOptions>>(new OptionsWrapper<OratorOptions>(options));
        ConsoleLogging.Configure(builder.Logging, options.Logging);

        var keys = new ApiKeyValidator([.. options.ApiKeys, .. ApiKeyValidator.ParseKeyList(Environment.GetEnvironmentVariable(ApiKeyValidator.EnvironmentVariable))]);
        // The engine pool, the usage writer and the upstreams log before the host exists, in its format
        // and under the same Logging section (levels per category), not at a fixed Information.
        ILoggerFactory Loggers() => LoggerFactory.Create(l =>
        {
            l.AddConfiguration(builder.Configuration.GetSection("Logging"));
            ConsoleLogging.Configure(l, options.Logging);
        });
        var startupLogger = Loggers().CreateLogger("Orator.Engines");
        // Read before any worker starts, so a bad lexicon file stops startup with nothing to clean up.
        var preparer = LocalSpeech.PreparerFor(options);
        var storage = await OratorStorage.OpenAsync(options.Storage, cancellationToken: cancellationToken);
        LocalSpeech? speech = null;
        UsageRecorder? usage = null;
        RenderCache cache;
        long storedKeys;
        try
        {
            storedKeys = await storage.Keys.CountAsync(cancellationToken);
            usage = new UsageRecorder(storage.Usage, options.Storage, Loggers().CreateLogger("Orator.Usage"));
            speech = await LocalSpeech.StartAsync(options, preparer, startupLogger, cancellationToken);
            cache = RenderCacheSetup.Open(options.Cache, speech.Engines);
        }
        catch
        {
            if (speech is not null)
            {
                await speech.DisposeAsync();
            }

            if (usage is not null)
            {
                await usage.DisposeAsync();
            }

            await storage.DisposeAsync();
            throw;
        }

        var engines = speech.Engines;
        // Checked with the rest of the options above: Read finds no problems here. Logs through the host's providers.
        var upstreams = UpstreamSettings.Read(options.Upstreams, Environment.GetEnvironmentVariable).Upstreams;
        builder.Services.AddSingleton(services => new UpstreamGateway(upstreams, options.LocalPriority, TimeProvider.System, services.GetRequiredService<ILoggerFactory>().CreateLogger(UpstreamLoggerName)));
        builder.Services.AddSingleton<SpeechServices>();
        builder.Services.AddSingleton(engines);
        builder.Services.AddTransient(_ => engines.Catalog); // replaced when models are reloaded
        builder.Services.AddSingleton(keys);
        builder.Services.AddSingleton(storage);
        builder.Services.AddSingleton(storage.Limiter);
        builder.Services.AddSingleton(usage);
        builder.Services.AddSingleton(new KeyAuthenticator(keys, storage.Keys, TimeSpan.FromSeconds(options.Storage.KeyCacheSeconds), TimeProvider.System));
        builder.Services.AddSingleton(AdminKey.From(options.AdminKey));
        builder.Services.AddSingleton<OratorMetrics>();
        builder.Services.AddSingleton<SpeechAdmission>();
        builder.Services.AddSingleton(speech.Planner);
        builder.Services.AddSingleton(cache);

        var app = builder.Build();
        var gateway = app.Services.GetRequiredService<UpstreamGateway>();
        var upstreamReload = new UpstreamReload(args, gateway, app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(UpstreamLoggerName));
        app.UseOratorPipeline();
        // One group for every route, so that HEAD is answered wherever GET is.
        var routes = app.MapGroup("").AnswerHeadLikeGet();
        routes.MapHealthApi();
        routes.MapReadyApi();
        routes.MapMetricsApi();
        routes.MapOpenApiApi();
        routes.MapModelsApi();
        routes.MapVoicesApi();
        routes.MapSpeechApi();
        routes.MapNormalizeApi();
        routes.MapPlaygroundApi();
        routes.MapAdminApi();

        var reload = ReloadSignal.Subscribe(() =>
        {
            engines.ReloadAfterSignal();
            upstreamReload.Reload();
        });
        var server = new OratorServer(app, options, engines, keys, storage, usage, storedKeys, reload, gateway);
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }

        // Upstreams' voice lists, in the background: a slow or absent upstream never holds up startup.
        _ = gateway.RefreshVoicesAsync(server._stopping.Token);
        return server;
    }

    /// <summary>Waits until the host is asked to stop (Ctrl+C, SIGTERM) or <paramref name="cancellationToken"/> fires.</summary>
    public Task WaitForShutdownAsync(CancellationToken cancellationToken = default) => _app.WaitForShutdownAsync(cancellationToken);

    /// <summary>The host's services (tests read the mapped endpoints from them).</summary>
    internal IServiceProvider Services => _app.Services;

    /// <summary>The options, bound once and validated before anything started (also every <c>IOptions&lt;OratorOptions&gt;</c>).</summary>
    public OratorOptions Options { get; }

    /// <summary>Stops Kestrel, then the engine workers; a second call does nothing.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _reload.Dispose();
        await _stopping.CancelAsync();
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
        Gateway.Dispose();
        await Storage.DisposeAsync();
        _stopping.Dispose();
    }
}
