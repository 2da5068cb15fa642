using Microsoft.Extensions.Logging;
using Orator.Speech.Backends;
using Orator.Speech.Configuration;
using Orator.Speech.Planning;
using Orator.Text.Pronunciation;

namespace Orator.Speech.Hosting;

/// <summary>
/// Speech on this machine as one object: the engines (worker pool and neural models) and the
/// planner over their catalog. The server composes it under HTTP; <c>orator say</c> and the
/// benchmarks render through it directly, with no server, database or port.
/// </summary>
public sealed class LocalSpeech : IAsyncDisposable
{
    private LocalSpeech(EngineHost engines, SpeechPlanner planner)
    {
        Engines = engines;
        Planner = planner;
    }

    /// <summary>The engines, models and voices.</summary>
    public EngineHost Engines { get; }

    /// <summary>Plans requests against the engines' catalog.</summary>
    public SpeechPlanner Planner { get; }

    /// <summary>
    /// The text preparer of <paramref name="options"/>: reads the lexicon file, so call it before
    /// anything starts (a missing or malformed file throws with nothing to clean up).
    /// </summary>
    public static SpeechTextPreparer PreparerFor(SpeechOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new SpeechTextPreparer(string.IsNullOrWhiteSpace(options.LexiconPath) ? null : PronunciationLexicon.Load(options.LexiconPath));
    }

    /// <summary>Starts the engines and builds the planner. Never throws for missing engines (they are reported).</summary>
    public static async Task<LocalSpeech> StartAsync(SpeechOptions options, SpeechTextPreparer preparer, ILogger logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(preparer);
        var engines = await EngineHost.StartAsync(options, logger, cancellationToken);
        return new LocalSpeech(engines, new SpeechPlanner(() => engines.Catalog, preparer, options.Pauses, new LocalEngineBackend()));
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => Engines.DisposeAsync();
}
