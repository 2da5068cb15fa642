using Orator.Speech.Catalog;

namespace Orator.Speech.Configuration;

/// <summary>
/// The settings that decide how speech is rendered, bound from the <c>Orator</c> configuration
/// section: engines and workers, voices, pauses, pronunciation and neural models. The server's
/// options extend these; the CLI renders in process with these alone.
/// </summary>
public class SpeechOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Orator";

    /// <summary>Engine worker processes; 0 = one per CPU core.</summary>
    public int Workers { get; init; }

    /// <summary>Engines not to load, e.g. <c>espeak</c> where its GPL licence is unwanted.</summary>
    public IList<string> DisabledEngines { get; init; } = [];

    /// <summary>Pauses inserted between the sentences and clauses Orator splits the input into.</summary>
    public PauseOptions Pauses { get; init; } = new();

    /// <summary>The render cache (off by default).</summary>
    public CacheOptions Cache { get; init; } = new();

    /// <summary>How long, in seconds, a speech request waits for a free worker before it is refused with 503.</summary>
    public int QueueTimeoutSeconds { get; init; } = 30;

    /// <summary>
    /// A pronunciation lexicon file (<c>word = replacement</c> per line, see README) applied to every
    /// request; null or empty = none. A missing or malformed file stops the server at startup.
    /// </summary>
    public string? LexiconPath { get; init; }

    /// <summary>
    /// Root of the neural model store (Kokoro, Piper); also <c>ORATOR_MODELS_PATH</c>. Unset =
    /// <c>$XDG_DATA_HOME/orator/models</c>, else <c>~/.local/share/orator/models</c>.
    /// </summary>
    public string? ModelsPath { get; init; }

    /// <summary>Kokoro variant to load (<c>fp32</c>, <c>fp16</c>, <c>int8</c>); empty = the first installed in that order.</summary>
    public string? KokoroVariant { get; init; }

    /// <summary>ONNX Runtime intra-op threads per neural model; 0 = CPU cores, at most 4.</summary>
    public int NeuralThreads { get; init; }

    /// <summary>Overrides of the OpenAI voice name table (see README), keyed by voice name.</summary>
    public IDictionary<string, VoiceMapping> Voices { get; init; } = new Dictionary<string, VoiceMapping>(StringComparer.OrdinalIgnoreCase);

    /// <summary>The worker count after applying the default.</summary>
    public int EffectiveWorkers => Workers > 0 ? Workers : Environment.ProcessorCount;

    /// <summary>The default voice table with this configuration's overrides applied.</summary>
    public IReadOnlyDictionary<string, VoiceMapping> EffectiveVoiceMap()
    {
        var map = new Dictionary<string, VoiceMapping>(DefaultVoiceMap.Entries, StringComparer.OrdinalIgnoreCase);
        foreach (var (name, mapping) in Voices)
        {
            map[name] = mapping;
        }

        return map;
    }
}
