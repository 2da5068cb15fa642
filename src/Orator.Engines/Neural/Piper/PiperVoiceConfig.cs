using System.Text.Json;

namespace Orator.Engines.Neural.Piper;

/// <summary>What a Piper voice's <c>.onnx.json</c> says: sample rate, espeak-ng voice, inference defaults, phoneme ids and speakers.</summary>
public sealed record PiperVoiceConfig
{
    /// <summary>The VITS hop length Piper voices are trained with.</summary>
    public const int DefaultHopLength = 256;

    /// <summary>Output sample rate in Hz.</summary>
    public required int SampleRate { get; init; }

    /// <summary>The espeak-ng language that phonemizes text for this voice.</summary>
    public required string EspeakVoice { get; init; }

    /// <summary>Language code as published, e.g. <c>en_US</c>.</summary>
    public string? LanguageCode { get; init; }

    /// <summary>Default noise scale.</summary>
    public float NoiseScale { get; init; } = 0.667f;

    /// <summary>Default length scale (duration multiplier; speed = 1 / length scale).</summary>
    public float LengthScale { get; init; } = 1f;

    /// <summary>Default noise width.</summary>
    public float NoiseW { get; init; } = 0.8f;

    /// <summary>Phoneme (one code point, as a string) to its ids.</summary>
    public required IReadOnlyDictionary<string, long[]> PhonemeIds { get; init; }

    /// <summary>
    /// Samples per frame of the model's durations (<c>hop_length</c>, 256 when absent, as piper1-gpl
    /// reads it): the unit of the alignment output of a voice patched to expose one.
    /// </summary>
    public int HopLength { get; init; } = DefaultHopLength;

    /// <summary>Number of speakers (1 for a single-speaker voice).</summary>
    public int SpeakerCount { get; init; } = 1;

    /// <summary>Speaker name to speaker id.</summary>
    public IReadOnlyDictionary<string, long> Speakers { get; init; } = new Dictionary<string, long>();

    /// <summary>Reads a Piper voice config.</summary>
    public static PiperVoiceConfig Parse(Stream json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var ids = new Dictionary<string, long[]>(StringComparer.Ordinal);
        if (!root.TryGetProperty("phoneme_id_map", out var map) || map.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidDataException("The Piper config has no phoneme_id_map.");
        }

        foreach (var entry in map.EnumerateObject())
        {
            ids[entry.Name] = entry.Value.ValueKind == JsonValueKind.Array ? [.. entry.Value.EnumerateArray().Select(v => v.GetInt64())] : [entry.Value.GetInt64()];
        }

        var speakers = new Dictionary<string, long>(StringComparer.OrdinalIgnoreCase);
        if (root.TryGetProperty("speaker_id_map", out var speakerMap) && speakerMap.ValueKind == JsonValueKind.Object)
        {
            foreach (var entry in speakerMap.EnumerateObject())
            {
                speakers[entry.Name] = entry.Value.GetInt64();
            }
        }

        var inference = root.TryGetProperty("inference", out var inf) ? inf : default;
        return new PiperVoiceConfig
        {
            SampleRate = root.GetProperty("audio").GetProperty("sample_rate").GetInt32(),
            EspeakVoice = root.TryGetProperty("espeak", out var espeak) && espeak.TryGetProperty("voice", out var voice) ? voice.GetString() ?? "en-us" : "en-us",
            LanguageCode = root.TryGetProperty("language", out var language) && language.TryGetProperty("code", out var code) ? code.GetString() : null,
            NoiseScale = Number(inference, "noise_scale", 0.667f),
            LengthScale = Number(inference, "length_scale", 1f),
            NoiseW = Number(inference, "noise_w", 0.8f),
            PhonemeIds = ids,
            SpeakerCount = root.TryGetProperty("num_speakers", out var count) ? count.GetInt32() : 1,
            Speakers = speakers,
            HopLength = root.TryGetProperty("hop_length", out var hop) && hop.TryGetInt32(out var hopLength) && hopLength > 0 ? hopLength : DefaultHopLength,
        };
    }

    private static float Number(JsonElement parent, string name, float fallback) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var value) ? value.GetSingle() : fallback;
}
