using System.Text.Json;

namespace Orator.Functional.Tests.Gateway;

/// <summary>The JSON file a gateway process reads through <c>ORATOR_CONFIG</c>, rewritten by a test between signals.</summary>
public sealed class GatewayConfigFile : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("orator-gateway-config-").FullName;

    public string Path => System.IO.Path.Combine(_directory, "gateway.json");

    /// <summary>Replaces the file with <paramref name="settings"/> as JSON, whole (written aside, then moved in).</summary>
    public void Write(object settings)
    {
        var next = Path + ".next";
        File.WriteAllText(next, JsonSerializer.Serialize(settings));
        File.Move(next, Path, overwrite: true);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
