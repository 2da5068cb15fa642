using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;

namespace Orator.Testing.NeuralFixtures;

/// <summary>
/// A model store in a temporary folder, laid out like a real one, holding fixture graphs and the
/// real Kokoro voices and Piper config from ../shared/models. Deleted on dispose.
/// </summary>
internal sealed class FixtureStore : IDisposable
{
    public FixtureStore()
    {
        Root = Path.Combine(Path.GetTempPath(), $"orator-models-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public string KokoroDirectory => Path.Combine(Root, "kokoro");

    public string PiperDirectory => Path.Combine(Root, "piper");

    /// <summary>../shared/models, found by walking up to the repository (Orator.slnx).</summary>
    public static string SharedModels
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Orator.slnx")))
                {
                    return Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "models"));
                }
            }

            throw new DirectoryNotFoundException("Orator.slnx not found above the test binaries.");
        }
    }

    public static string SharedVoices => Path.Combine(SharedModels, "kokoro", "voices");

    public static string SharedPiperConfig => Path.Combine(SharedModels, "piper", "en_US-libritts_r-medium.onnx.json");

    /// <summary>Kokoro fixture model (file name of a variant) with the real voices as a folder (a link to ../shared).</summary>
    public FixtureStore WithKokoro(KokoroExport export = KokoroExport.Tokens, string fileName = "kokoro-v1.0.onnx", int samplesPerToken = 8, bool npzVoices = false)
    {
        Directory.CreateDirectory(KokoroDirectory);
        File.WriteAllBytes(Path.Combine(KokoroDirectory, fileName), FixtureModels.Kokoro(export, samplesPerToken));
        return WithVoices(npzVoices);
    }

    /// <summary>Kokoro fixture whose tokens last whole 600-sample frames, with a durations output (<see cref="FixtureModels.KokoroWithDurations"/>).</summary>
    public FixtureStore WithTimedKokoro(KokoroExport export, KokoroDurations durations, int framesPerToken = 1, string fileName = "kokoro-v1.0.onnx")
    {
        Directory.CreateDirectory(KokoroDirectory);
        File.WriteAllBytes(Path.Combine(KokoroDirectory, fileName), FixtureModels.KokoroWithDurations(export, durations, framesPerToken));
        return WithVoices(npzVoices: false);
    }

    private FixtureStore WithVoices(bool npzVoices)
    {
        if (npzVoices)
        {
            WriteNpz(Path.Combine(KokoroDirectory, "voices-v1.0.bin"), SharedVoices);
        }
        else if (!Directory.Exists(Path.Combine(KokoroDirectory, "voices")))
        {
            Directory.CreateSymbolicLink(Path.Combine(KokoroDirectory, "voices"), SharedVoices);
        }

        return this;
    }

    /// <summary>
    /// A Piper fixture voice. Multi-speaker uses the real libritts_r config (904 speakers, 22050 Hz);
    /// single-speaker the same phoneme map with one speaker at <paramref name="sampleRate"/>.
    /// </summary>
    public FixtureStore WithPiper(string name, bool multiSpeaker, int sampleRate = 16000, bool rank3Output = false, int samplesPerToken = 8)
    {
        Directory.CreateDirectory(PiperDirectory);
        File.WriteAllBytes(Path.Combine(PiperDirectory, name + ".onnx"), FixtureModels.Piper(multiSpeaker, rank3Output, samplesPerToken));
        var config = JsonNode.Parse(File.ReadAllText(SharedPiperConfig))!;
        if (!multiSpeaker)
        {
            config["num_speakers"] = 1;
            config["speaker_id_map"] = new JsonObject();
            config["audio"]!["sample_rate"] = sampleRate;
        }

        File.WriteAllText(Path.Combine(PiperDirectory, name + ".onnx.json"), config.ToJsonString(), Encoding.UTF8);
        return this;
    }

    /// <summary>A single-speaker Piper voice patched with an alignment output (<see cref="FixtureModels.PiperWithAlignment"/>).</summary>
    public FixtureStore WithAlignedPiper(string name, int framesPerId = 1, int sampleRate = 16000)
    {
        WithPiper(name, multiSpeaker: false, sampleRate);
        File.WriteAllBytes(Path.Combine(PiperDirectory, name + ".onnx"), FixtureModels.PiperWithAlignment(framesPerId));
        return this;
    }

    /// <summary>Packs every <c>.bin</c> of <paramref name="voicesDirectory"/> as <c>name.npy</c> float32 (510, 1, 256), like voices-v1.0.bin.</summary>
    public static void WriteNpz(string path, string voicesDirectory)
    {
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        foreach (var file in Directory.EnumerateFiles(voicesDirectory, "*.bin").Order(StringComparer.Ordinal))
        {
            var entry = zip.CreateEntry(Path.GetFileNameWithoutExtension(file) + ".npy", CompressionLevel.NoCompression);
            using var stream = entry.Open();
            stream.Write(NpyHeader("(510, 1, 256)"));
            stream.Write(File.ReadAllBytes(file));
        }
    }

    /// <summary>An .npy v1.0 header for a little-endian float32 C array, padded to 64 bytes as numpy does.</summary>
    public static byte[] NpyHeader(string shape)
    {
        var dict = $"{{'descr': '<f4', 'fortran_order': False, 'shape': {shape}, }}";
        var total = 10 + dict.Length + 1;
        var padded = dict + new string(' ', (64 - total % 64) % 64) + "\n";
        var header = new List<byte> { 0x93 };
        header.AddRange("NUMPY"u8.ToArray());
        header.Add(1);
        header.Add(0);
        header.AddRange(BitConverter.GetBytes((ushort)padded.Length));
        header.AddRange(Encoding.Latin1.GetBytes(padded));
        return [.. header];
    }

    public void Dispose()
    {
        try
        {
            // Remove the link to ../shared first, so nothing can ever recurse into the real voices.
            var link = new DirectoryInfo(Path.Combine(KokoroDirectory, "voices"));
            if (link.Exists && link.LinkTarget is not null)
            {
                link.Delete();
            }

            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temp folder left behind does no harm.
        }
    }
}
