using Microsoft.Extensions.Configuration;

namespace Orator.Server.Hosting;

/// <summary>
/// Configuration values taken from a snapshot of environment variables, already turned into keys
/// (<c>Orator__Workers</c> -> <c>Orator:Workers</c>). Unlike the in-memory source, the same key twice
/// (<c>Orator__Workers</c> and <c>ORATOR__WORKERS</c> on a case-sensitive system) is not an error: the later one wins.
/// </summary>
/// <param name="name">What the debug view calls it, e.g. <c>Environment (ASPNETCORE_)</c>.</param>
/// <param name="settings">Keys and values in the order they apply.</param>
internal sealed class EnvironmentSnapshotSource(string name, IReadOnlyList<KeyValuePair<string, string>> settings) : IConfigurationSource
{
    public IConfigurationProvider Build(IConfigurationBuilder builder) => new Provider(name, settings);

    private sealed class Provider(string name, IReadOnlyList<KeyValuePair<string, string>> settings) : ConfigurationProvider
    {
        public override void Load()
        {
            foreach (var (key, value) in settings)
            {
                Data[key] = value;
            }
        }

        public override string ToString() => name;
    }
}
