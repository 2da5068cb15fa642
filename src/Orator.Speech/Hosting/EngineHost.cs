using Microsoft.Extensions.Logging;
using Orator.Core.Engines;
using Orator.Engines.Neural;
using Orator.Engines.Neural.Phonemes;
using Orator.Engines.Workers;
using Orator.Models.Store;
using Orator.Speech.Catalog;
using Orator.Speech.Configuration;

namespace Orator.Speech.Hosting;

/// <summary>
/// Owns the engine worker pool and the neural engines for the server's lifetime, and the catalog
/// built over them. Started before Kestrel accepts requests, so every request sees ready engines.
/// Neural models are found in the model store at startup and again on <see cref="ReloadModels"/>
/// (the server calls it on SIGHUP; docs/architecture/neural-engines.md).
/// </summary>
public sealed partial class EngineHost : IAsyncDisposable
{
    private readonly IReadOnlyList<ISpeechEngine> _workerEngines;
    private readonly IReadOnlyDictionary<string, VoiceMapping> _map;
    private readonly IReadOnlyList<(string EngineId, string Problem)> _workerProblems;
    private readonly NeuralModelScanner _scanner;
    private readonly ILogger _logger;
    private readonly Lock _reloadGate = new();
    private readonly List<IDisposable> _retired = [];
    private IReadOnlyList<ISpeechEngine> _neural = [];
    private static readonly Lazy<string> s_engineLibraries = new(EngineLibraries.Fingerprint);
    private string _neuralSignature = "";
    private volatile VoiceCatalog _catalog;
    private IReadOnlyList<(string EngineId, string Problem)> _missing;

    private EngineHost(EngineWorkerPool? pool, IReadOnlyList<ISpeechEngine> workerEngines, IReadOnlyList<(string EngineId, string Problem)> workerProblems, SpeechOptions options, ILogger logger)
    {
        Pool = pool;
        _workerEngines = workerEngines;
        _workerProblems = workerProblems;
        _map = options.EffectiveVoiceMap();
        _logger = logger;
        var disabled = new HashSet<string>(options.DisabledEngines, StringComparer.OrdinalIgnoreCase);
        // The same resolution as `orator models` (Orator:ModelsPath from the one configuration, else the
        // XDG default), so the server reads the store the CLI pulls into.
        ModelStore = ModelStoreLayout.Resolve(options.ModelsPath, Environment.GetEnvironmentVariable);
        _scanner = new NeuralModelScanner(ModelStore, new EspeakPhonemizer(), options.KokoroVariant, options.NeuralThreads, disabled);
        _catalog = new VoiceCatalog(workerEngines, _map);
        _missing = workerProblems;
        ReloadModels();
    }

    /// <summary>The worker pool, or null when no worker could start at all.</summary>
    public EngineWorkerPool? Pool { get; }

    /// <summary>Where neural models are looked for.</summary>
    public ModelStoreLayout ModelStore { get; }

    /// <summary>Models and voices that work now (replaced when models are reloaded).</summary>
    public VoiceCatalog Catalog => _catalog;

    /// <summary>Engines that are not available, with the fix for each.</summary>
    public IReadOnlyList<(string EngineId, string Problem)> MissingEngines => _missing;

    /// <summary>Starts the workers, opens the installed neural models and builds the catalog. Never throws for missing engines.</summary>
    public static async Task<EngineHost> StartAsync(SpeechOptions options, ILogger logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        try
        {
            var pool = await EngineWorkerPool.StartAsync(options.EffectiveWorkers, [.. options.DisabledEngines], logger, cancellationToken);
            pool.RentTimeout = TimeSpan.FromSeconds(options.QueueTimeoutSeconds);
            return new EngineHost(pool, pool.CreateEngines(), pool.MissingEngines, options, logger);
        }
        catch (Exception ex) when (ex is Core.Errors.EngineUnavailableException or FileNotFoundException or System.ComponentModel.Win32Exception or IOException)
        {
            return new EngineHost(null, [], [("workers", $"Engine workers could not start: {ex.Message}")], options, logger);
        }
    }

    /// <summary>
    /// Looks at the model store again: newly installed models become available, removed ones
    /// disappear; when no model file changed (name, size, time) nothing is reopened. Requests
    /// already speaking keep the engine they started with (a replaced engine is released when
    /// the server stops).
    /// </summary>
    public void ReloadModels()
    {
        lock (_reloadGate)
        {
            var signature = _scanner.Signature();
            if (signature == _neuralSignature)
            {
                return;
            }

            var problems = new List<(string EngineId, string Problem)>();
            var opened = signature.Length == 0 ? [] : _scanner.Open(problems);
            _retired.AddRange(_neural.OfType<IDisposable>());
            _neural = opened;
            _neuralSignature = signature;
            _catalog = new VoiceCatalog([.. _workerEngines, .. opened], _map);
            ModelsReloaded?.Invoke();
            _missing = [.. _workerProblems, .. problems];
            foreach (var engine in opened)
            {
                LogNeuralEngine(_logger, engine.Id, engine.Voices.Count, ModelStore.Root);
            }

            foreach (var (engine, problem) in problems)
            {
                LogNeuralProblem(_logger, engine, problem);
            }
        }
    }

    /// <summary>
    /// <see cref="ReloadModels"/> for a signal handler: a store that cannot be read now keeps the
    /// models already open (logged); the next signal tries again.
    /// </summary>
    public void ReloadAfterSignal()
    {
        try
        {
            ReloadModels();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A store that cannot be read now keeps the models already open; the next signal tries again.
            LogReloadFailed(_logger, ModelStore.Root, ex.Message);
        }
    }

    /// <summary>Raised after <see cref="ReloadModels"/> swapped in changed models (renders of the old ones are stale).</summary>
    public event Action? ModelsReloaded;

    /// <summary>
    /// Identifies what the engines would render: the voices on offer, the native engines'
    /// library files and the model files (paths, sizes, times) behind them. It changes when an
    /// engine is upgraded or a model replaced, so stored renders of the old one are not served.
    /// </summary>
    public string Fingerprint
    {
        get
        {
            lock (_reloadGate)
            {
                var voices = string.Join(',', _catalog.Engines.SelectMany(e => e.Voices).Select(v => v.QualifiedId));
                return voices + "\n" + s_engineLibraries.Value + _neuralSignature;
            }
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (Pool is not null)
        {
            await Pool.DisposeAsync();
        }

        lock (_reloadGate)
        {
            foreach (var engine in _retired.Concat(_neural.OfType<IDisposable>()))
            {
                engine.Dispose();
            }

            _retired.Clear();
            _neural = [];
        }
    }

    [LoggerMessage(EventId = 1200, Level = LogLevel.Information, Message = "Neural engine {Engine}: {Voices} voices from {Store}")]
    private static partial void LogNeuralEngine(ILogger logger, string engine, int voices, string store);

    [LoggerMessage(EventId = 1201, Level = LogLevel.Warning, Message = "Neural engine {Engine} unavailable: {Problem}")]
    private static partial void LogNeuralProblem(ILogger logger, string engine, string problem);

    [LoggerMessage(EventId = 1202, Level = LogLevel.Warning, Message = "Reloading models from {Store} failed: {Reason}")]
    private static partial void LogReloadFailed(ILogger logger, string store, string reason);
}
