using System.Collections.Concurrent;
using System.IO.Compression;
using System.Runtime.InteropServices;

namespace Orator.Engines.Neural.Kokoro;

/// <summary>
/// The Kokoro voices of a model store: a folder of raw <c>voice.bin</c> files (510x256
/// little-endian float32) or the packed <c>voices-v1.0.bin</c> (.npz). Names are read at once;
/// each voice's 510 KB is read on first use and kept, so an idle server holds only the voices
/// people use. Blends (<c>af_bella(2)+af_sky(1)</c>) are mixed on each use.
/// </summary>
public sealed class KokoroVoiceStore
{
    private readonly Func<string, float[]> _read;
    private readonly ConcurrentDictionary<string, KokoroVoicePack> _loaded = new(StringComparer.Ordinal);

    private KokoroVoiceStore(IReadOnlyList<string> names, Func<string, float[]> read)
    {
        Names = names;
        _read = read;
    }

    /// <summary>The voices available, sorted.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>Voices from a folder of <c>.bin</c> files.</summary>
    public static KokoroVoiceStore FromDirectory(string directory)
    {
        var names = Directory.EnumerateFiles(directory, "*.bin").Select(Path.GetFileNameWithoutExtension).OfType<string>().Order(StringComparer.Ordinal).ToList();
        return new KokoroVoiceStore(names, name =>
        {
            var bytes = File.ReadAllBytes(Path.Combine(directory, name + ".bin"));
            if (bytes.Length != KokoroVoicePack.Rows * KokoroVoicePack.StyleSize * sizeof(float))
            {
                throw new InvalidDataException($"Kokoro voice {name}.bin has {bytes.Length} bytes; expected {KokoroVoicePack.Rows * KokoroVoicePack.StyleSize * sizeof(float)} (510 x 256 float32).");
            }

            return MemoryMarshal.Cast<byte, float>(bytes).ToArray();
        });
    }

    /// <summary>Voices from a numpy .npz archive of <c>voice.npy</c> arrays.</summary>
    public static KokoroVoiceStore FromNpz(string path)
    {
        List<string> names;
        using (var archive = ZipFile.OpenRead(path))
        {
            names = [.. archive.Entries.Where(e => e.FullName.EndsWith(".npy", StringComparison.Ordinal)).Select(e => e.FullName[..^4]).Order(StringComparer.Ordinal)];
        }

        return new KokoroVoiceStore(names, name =>
        {
            using var archive = ZipFile.OpenRead(path);
            var entry = archive.GetEntry(name + ".npy") ?? throw new InvalidDataException($"{path} has no {name}.npy.");
            using var stream = entry.Open();
            return NpyReader.ReadFloat32(stream, $"{name}.npy").Values;
        });
    }

    /// <summary>True when <paramref name="spec"/> is a voice or a blend of voices of this store.</summary>
    public bool Accepts(string spec) => VoiceBlend.TryParse(spec, out var parts) && parts.All(p => Names.Contains(p.Name, StringComparer.Ordinal));

    /// <summary>
    /// The voice, or blend, named by <paramref name="spec"/>. Voices are kept once read; blends are
    /// mixed per call (130,560 multiply-adds per part) rather than kept, so clients inventing
    /// weights cannot grow memory.
    /// </summary>
    public KokoroVoicePack Get(string spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (!VoiceBlend.TryParse(spec, out var parts))
        {
            throw new ArgumentException($"'{spec}' is not a Kokoro voice or blend such as af_bella(2)+af_sky(1).", nameof(spec));
        }

        return parts.Count == 1
            ? _loaded.GetOrAdd(parts[0].Name, Load)
            : KokoroVoicePack.Blend([.. parts.Select(p => (_loaded.GetOrAdd(p.Name, Load), p.Weight))]);
    }

    private KokoroVoicePack Load(string name)
    {
        if (!Names.Contains(name, StringComparer.Ordinal))
        {
            throw new ArgumentException($"Kokoro has no voice '{name}'.", nameof(name));
        }

        return new KokoroVoicePack(_read(name));
    }
}
