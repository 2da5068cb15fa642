using System.Text.Json;

namespace Orator.Models.Catalog;

/// <summary>
/// The rhasspy/piper-voices <c>voices.json</c>: for every voice key, its files (repository path,
/// <c>size_bytes</c>, <c>md5_digest</c>). It publishes no sha256, so md5 and size are what a Piper
/// download can be checked against.
/// </summary>
public sealed class PiperVoiceIndex
{
    private readonly Dictionary<string, IReadOnlyList<PiperIndexedFile>> _voices;

    private PiperVoiceIndex(Dictionary<string, IReadOnlyList<PiperIndexedFile>> voices) => _voices = voices;

    /// <summary>How many voices the index lists.</summary>
    public int Count => _voices.Count;

    /// <summary>The files of a voice, or null when the index does not list it.</summary>
    public IReadOnlyList<PiperIndexedFile>? FilesOf(string key) => _voices.GetValueOrDefault(key);

    /// <summary>Parses the JSON text of voices.json.</summary>
    /// <exception cref="JsonException">Not the voices.json shape.</exception>
    public static PiperVoiceIndex Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException("voices.json is not a JSON object.");
        }

        var voices = new Dictionary<string, IReadOnlyList<PiperIndexedFile>>(StringComparer.Ordinal);
        foreach (var voice in document.RootElement.EnumerateObject())
        {
            if (voice.Value.ValueKind != JsonValueKind.Object || !voice.Value.TryGetProperty("files", out var files) || files.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            var list = new List<PiperIndexedFile>();
            foreach (var file in files.EnumerateObject())
            {
                long? size = file.Value.TryGetProperty("size_bytes", out var s) && s.TryGetInt64(out var n) ? n : null;
                var md5 = file.Value.TryGetProperty("md5_digest", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString()!.ToLowerInvariant() : null;
                list.Add(new PiperIndexedFile(file.Name, size, md5));
            }

            voices[voice.Name] = list;
        }

        return new PiperVoiceIndex(voices);
    }
}
