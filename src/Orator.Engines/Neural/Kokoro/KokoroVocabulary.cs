using System.Text;
using System.Text.Json;
using Orator.Engines.Neural.Phonemes;

namespace Orator.Engines.Neural.Kokoro;

/// <summary>
/// Kokoro's phoneme vocabulary (<c>vocab</c> of its config.json: one character to one token id;
/// id 0 is the pad that frames every chunk). The Kokoro-82M config is Apache-2.0, so a copy is
/// embedded and used when the model store has no config.json of its own.
/// </summary>
public sealed class KokoroVocabulary
{
    private const string EmbeddedName = "Orator.Engines.Neural.Kokoro.kokoro-config.json";
    private readonly Dictionary<int, int> _ids;
    private readonly PhonemeKind[] _kinds;

    private KokoroVocabulary(Dictionary<int, int> ids)
    {
        _ids = ids;
        _kinds = new PhonemeKind[ids.Count == 0 ? 0 : ids.Values.Max() + 1];
        foreach (var (codePoint, id) in ids)
        {
            if (id >= 0 && Rune.IsValid(codePoint))
            {
                _kinds[id] = PhonemeKinds.Of(new Rune(codePoint));
            }
        }
    }

    /// <summary>How many symbols the vocabulary has.</summary>
    public int Count => _ids.Count;

    /// <summary>The token id of a Unicode scalar, or -1 when the vocabulary lacks it.</summary>
    public int IdOf(int codePoint) => _ids.TryGetValue(codePoint, out var id) ? id : -1;

    /// <summary>What the symbol of token <paramref name="id"/> is to word timing (an unknown id is a boundary).</summary>
    internal PhonemeKind KindOf(long id) => id >= 0 && id < _kinds.Length ? _kinds[id] : PhonemeKind.Boundary;

    /// <summary>Reads the <c>vocab</c> object of a Kokoro config.json.</summary>
    public static KokoroVocabulary Parse(Stream json)
    {
        using var document = JsonDocument.Parse(json);
        if (!document.RootElement.TryGetProperty("vocab", out var vocab) || vocab.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidDataException("The Kokoro config has no \"vocab\" object.");
        }

        var ids = new Dictionary<int, int>();
        foreach (var entry in vocab.EnumerateObject())
        {
            var runes = entry.Name.EnumerateRunes().ToList();
            if (runes.Count == 1 && entry.Value.TryGetInt32(out var id))
            {
                ids[runes[0].Value] = id;
            }
        }

        return new KokoroVocabulary(ids);
    }

    /// <summary>The store's config.json when it exists, else the embedded copy.</summary>
    public static KokoroVocabulary Load(string? configPath)
    {
        if (configPath is not null && File.Exists(configPath))
        {
            using var file = File.OpenRead(configPath);
            return Parse(file);
        }

        using var embedded = typeof(KokoroVocabulary).Assembly.GetManifestResourceStream(EmbeddedName)
            ?? throw new InvalidOperationException($"Embedded resource {EmbeddedName} is missing.");
        return Parse(embedded);
    }
}
