using System.Text.Json;

namespace Orator.Models.Tests.Support;

/// <summary>Serves Piper voices from a <see cref="FixtureServer"/> in the rhasspy/piper-voices layout, with a voices.json.</summary>
public sealed class PiperMirror(FixtureServer server)
{
    private readonly Dictionary<string, object> _index = new(StringComparer.Ordinal);

    public Uri Mirror => server.BaseUri;

    /// <summary>Adds a voice (key like en_US-test-medium); returns the repository paths of its .onnx.json and .onnx.</summary>
    public (string Config, string Model) Add(string key, byte[] onnx, byte[] config, FixtureBehavior? modelBehavior = null, bool listed = true)
    {
        var parts = key.Split('-');
        var family = parts[0][..parts[0].IndexOf('_', StringComparison.Ordinal)];
        var folder = $"{family}/{parts[0]}/{parts[1]}/{parts[2]}";
        var configPath = $"piper/{folder}/{key}.onnx.json";
        var modelPath = $"piper/{folder}/{key}.onnx";
        server.Serve(configPath, config);
        server.Serve(modelPath, onnx, modelBehavior);
        if (listed)
        {
            _index[key] = new
            {
                key,
                files = new Dictionary<string, object>
                {
                    [$"{folder}/{key}.onnx"] = new { size_bytes = onnx.Length, md5_digest = Fixtures.Md5(onnx) },
                    [$"{folder}/{key}.onnx.json"] = new { size_bytes = config.Length, md5_digest = Fixtures.Md5(config) },
                },
            };
        }

        server.Serve("piper/voices.json", JsonSerializer.SerializeToUtf8Bytes(_index));
        return (configPath, modelPath);
    }
}
