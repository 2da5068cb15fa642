using Orator.Engines.Workers;
using Orator.Server.Voices;

namespace Orator.Server.Hosting;

/// <summary>
/// Owns the engine worker pool for the server's lifetime and the catalog built over it.
/// Started before Kestrel accepts requests, so every request sees ready engines.
/// </summary>
public sealed class EngineHost : IAsyncDisposable
{
    private EngineHost(EngineWorkerPool? pool, VoiceCatalog catalog, IReadOnlyList<(string EngineId, string Problem)> missing)
    {
        Pool = pool;
        Catalog = catalog;
        MissingEngines = missing;
    }

    /// <summary>The worker pool, or null when no worker could start at all.</summary>
    public EngineWorkerPool? Pool { get; }

    /// <summary>Models and voices that work.</summary>
    public VoiceCatalog Catalog { get; }

    /// <summary>Engines that are not available, with the fix for each.</summary>
    public IReadOnlyList<(string EngineId, string Problem)> MissingEngines { get; }

    /// <summary>Starts the workers and builds the catalog. Never throws for missing engines.</summary>
    public static async Task<EngineHost> StartAsync(OratorOptions options, Microsoft.Extensions.Logging.ILogger logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var map = options.EffectiveVoiceMap();
        try
        {
            var pool = await EngineWorkerPool.StartAsync(options.EffectiveWorkers, [.. options.DisabledEngines], logger, cancellationToken);
            pool.RentTimeout = TimeSpan.FromSeconds(options.QueueTimeoutSeconds);
            return new EngineHost(pool, new VoiceCatalog(pool.CreateEngines(), map), pool.MissingEngines);
        }
        catch (Exception ex) when (ex is Core.Errors.EngineUnavailableException or FileNotFoundException or System.ComponentModel.Win32Exception or IOException)
        {
            return new EngineHost(null, new VoiceCatalog([], map), [("workers", $"Engine workers could not start: {ex.Message}")]);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (Pool is not null)
        {
            await Pool.DisposeAsync();
        }
    }
}
