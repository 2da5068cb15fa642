using System.Text.RegularExpressions;
using Orator.Core.Engines;

namespace Orator.Speech.Catalog;

/// <summary>
/// Knows every model and voice that can really be spoken with, and resolves a request's
/// (model, voice) pair. OpenAI model names follow the voice map; the engine-native models
/// (<c>flite</c>, <c>espeak</c>) take their engine's own voices, and the OpenAI names too.
/// </summary>
public sealed partial class VoiceCatalog
{
    /// <summary>The OpenAI model names Orator answers to.</summary>
    public static IReadOnlyList<string> OpenAiModels { get; } = ["tts-1", "tts-1-hd", "gpt-4o-mini-tts"];

    private const string FallbackEnglish = EngineIds.Espeak + ":en-us";
    private const string KokoroEngineId = EngineIds.Kokoro;
    private const string PiperEngineId = EngineIds.Piper;
    private readonly Dictionary<string, ISpeechEngine> _engines;
    private readonly Dictionary<string, (ISpeechEngine Engine, EngineVoice Voice)> _byQualifiedId = new(StringComparer.OrdinalIgnoreCase);
    private readonly IReadOnlyDictionary<string, VoiceMapping> _map;

    /// <summary>Builds the catalog over the engines that loaded and the effective voice map.</summary>
    public VoiceCatalog(IEnumerable<ISpeechEngine> engines, IReadOnlyDictionary<string, VoiceMapping> voiceMap)
    {
        ArgumentNullException.ThrowIfNull(engines);
        _engines = engines.ToDictionary(e => e.Id, StringComparer.OrdinalIgnoreCase);
        foreach (var engine in _engines.Values)
        {
            foreach (var voice in engine.Voices)
            {
                _byQualifiedId.TryAdd(voice.QualifiedId, (engine, voice));
            }
        }

        _map = voiceMap;
    }

    /// <summary>The engines behind the catalog.</summary>
    public IReadOnlyCollection<ISpeechEngine> Engines => _engines.Values;

    /// <summary>Models that can speak right now (OpenAI names only when some engine can serve their voices).</summary>
    public IReadOnlyList<SpeechModel> Models
    {
        get
        {
            var models = new List<SpeechModel>();
            if (OpenAiVoiceNames().Any())
            {
                models.AddRange(OpenAiModels.Select(m => new SpeechModel(m, null)));
            }

            models.AddRange(_engines.Keys.Order(StringComparer.Ordinal).Select(e => new SpeechModel(e, e)));
            if (_engines.TryGetValue(PiperEngineId, out var piper))
            {
                // Each Piper voice is also a model of its own, as Piper users name them.
                models.AddRange(piper.Voices.Select(v => new SpeechModel(v.QualifiedId, PiperEngineId, v.NativeName)));
            }

            return models;
        }
    }

    /// <summary>Finds a model by id (dated <c>gpt-4o-mini-tts-YYYY-MM-DD</c> names included).</summary>
    public SpeechModel? FindModel(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        var canonical = DatedMiniTts().IsMatch(id) ? "gpt-4o-mini-tts" : id;
        return Models.FirstOrDefault(m => m.Id.Equals(canonical, StringComparison.Ordinal));
    }

    /// <summary>Resolves <paramref name="voice"/> under <paramref name="model"/>, or null when it is not a voice here.</summary>
    public ResolvedVoice? Resolve(SpeechModel model, string voice)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(voice);
        if (_map.ContainsKey(voice) && ResolveNeural(model, voice) is { } neural)
        {
            return new ResolvedVoice(neural.Engine, neural.Voice, 1f, 1f);
        }

        if (_map.TryGetValue(voice, out var mapping))
        {
            return ResolveMapped(model, mapping);
        }

        var native = FindNative(voice, model.EngineId) ?? FindSpeaker(model, voice);
        return native is { } found ? new ResolvedVoice(found.Engine, found.Voice, 1f, 1f) : null;
    }

    /// <summary>Every voice that works, with the models that accept it.</summary>
    public IReadOnlyList<VoiceListing> List()
    {
        var rows = new List<VoiceListing>();
        var openAiModels = Models.Where(m => m.EngineId is null).ToList();
        foreach (var name in _map.Keys.Order(StringComparer.Ordinal))
        {
            var mapping = _map[name];
            var models = Models.Where(m => Resolve(m, name) is not null).Select(m => m.Id).ToList();
            var primary = openAiModels.Count > 0 ? ResolveMapped(openAiModels[0], mapping) : null;
            if (primary is null || models.Count == 0)
            {
                continue;
            }

            rows.Add(new VoiceListing(name, Capitalize(name), models[0], models, primary.Voice.Language, mapping.Gender, primary.Engine.Id, primary.Voice.NativeName));
        }

        foreach (var (engine, voice) in _byQualifiedId.Values.OrderBy(v => v.Voice.QualifiedId, StringComparer.Ordinal))
        {
            var id = engine.Id == EngineIds.Flite ? voice.NativeName : voice.QualifiedId;
            List<string> models = [engine.Id, .. openAiModels.Select(m => m.Id)];
            if (engine.Id == PiperEngineId)
            {
                models.Add(voice.QualifiedId);
            }

            rows.Add(new VoiceListing(id, voice.DisplayName, engine.Id, models, voice.Language, voice.Gender.ToString().ToLowerInvariant(), engine.Id, voice.NativeName));
        }

        return rows;
    }

    /// <summary>
    /// An OpenAI voice name on a neural model: Kokoro's twin under <c>tts-1-hd</c>,
    /// <c>gpt-4o-mini-tts</c> and <c>kokoro</c>; the model's own voice under <c>piper:VOICE</c>;
    /// the first Piper voice under <c>piper</c>. Null when the name stays on the voice map.
    /// </summary>
    private (ISpeechEngine Engine, EngineVoice Voice)? ResolveNeural(SpeechModel model, string voice)
    {
        if (model.DefaultVoice is not null)
        {
            return FindNative(model.DefaultVoice, model.EngineId);
        }

        var onKokoro = model.EngineId == KokoroEngineId || (model.EngineId is null && KokoroVoiceMap.Models.Contains(model.Id));
        if (onKokoro && KokoroVoiceMap.Entries.TryGetValue(voice, out var kokoroVoice))
        {
            return FindNative(kokoroVoice, KokoroEngineId);
        }

        return model.EngineId == PiperEngineId && _engines.TryGetValue(PiperEngineId, out var piper) && piper.Voices.Count > 0
            ? (piper, piper.Voices[0])
            : null;
    }

    /// <summary>Under <c>piper:VOICE</c>, a bare speaker name of that voice.</summary>
    private (ISpeechEngine Engine, EngineVoice Voice)? FindSpeaker(SpeechModel model, string speaker) =>
        model.DefaultVoice is not null ? FindDynamic(model.EngineId!, $"{model.DefaultVoice}#{speaker}") : null;

    /// <summary>A voice an engine composes on demand (Kokoro blends, Piper speakers).</summary>
    private (ISpeechEngine Engine, EngineVoice Voice)? FindDynamic(string engineId, string name) =>
        _engines.TryGetValue(engineId, out var engine) && engine is IDynamicVoiceSource source && source.FindVoice(name) is { } voice
            ? (engine, voice)
            : null;

    private IEnumerable<string> OpenAiVoiceNames() => _map.Where(kv => ResolveMappedTarget(kv.Value.Voice, null) is not null).Select(kv => kv.Key);

    private ResolvedVoice? ResolveMapped(SpeechModel model, VoiceMapping mapping)
    {
        var target = ResolveMappedTarget(mapping.Voice, model.EngineId);
        return target is { } t ? new ResolvedVoice(t.Engine, t.Voice, mapping.Pitch, mapping.Rate) : null;
    }

    private (ISpeechEngine Engine, EngineVoice Voice)? ResolveMappedTarget(string target, string? engineId)
    {
        if (_byQualifiedId.TryGetValue(target, out var found) && (engineId is null || found.Engine.Id.Equals(engineId, StringComparison.OrdinalIgnoreCase)))
        {
            return found;
        }

        // The mapped engine is missing, or the model pins another engine: speak English with
        // espeak-ng rather than refuse a name every OpenAI client uses.
        if ((engineId is null || engineId == EngineIds.Espeak) && _byQualifiedId.TryGetValue(FallbackEnglish, out var fallback))
        {
            return fallback;
        }

        return null;
    }

    private (ISpeechEngine Engine, EngineVoice Voice)? FindNative(string voice, string? engineId)
    {
        if (voice.Contains(':', StringComparison.Ordinal))
        {
            if (_byQualifiedId.TryGetValue(voice, out var qualified))
            {
                return engineId is null || qualified.Engine.Id.Equals(engineId, StringComparison.OrdinalIgnoreCase) ? qualified : null;
            }

            var prefix = voice[..voice.IndexOf(':', StringComparison.Ordinal)];
            return engineId is null || prefix.Equals(engineId, StringComparison.OrdinalIgnoreCase)
                ? FindDynamic(prefix, voice[(prefix.Length + 1)..])
                : null;
        }

        // Bare native names: the model's engine first, then Flite, espeak-ng, Kokoro, Piper.
        string[] order = engineId is null ? [EngineIds.Flite, EngineIds.Espeak, KokoroEngineId, PiperEngineId] : [engineId];
        foreach (var engine in order)
        {
            if (_byQualifiedId.TryGetValue($"{engine}:{voice}", out var found))
            {
                return found;
            }
        }

        foreach (var engine in order)
        {
            if (FindDynamic(engine, voice) is { } dynamic)
            {
                return dynamic;
            }
        }

        return null;
    }

    private static string Capitalize(string name) => name.Length == 0 ? name : char.ToUpperInvariant(name[0]) + name[1..];

    [GeneratedRegex(@"^gpt-4o-mini-tts-\d{4}-\d{2}-\d{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex DatedMiniTts();
}
