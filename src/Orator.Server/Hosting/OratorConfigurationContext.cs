using System.Collections;

namespace Orator.Server.Hosting;

/// <summary>
/// What the configuration sources are read from: the folder of the executable (<c>appsettings.json</c>),
/// the working directory (<c>orator.json</c>, a relative <c>ORATOR_CONFIG</c>) and the environment
/// variables. <see cref="Current"/> is the running process; tests pass their own.
/// </summary>
/// <param name="BaseDirectory">Folder of the executable.</param>
/// <param name="WorkingDirectory">The working directory.</param>
/// <param name="Variables">Environment variables by name.</param>
public sealed record OratorConfigurationContext(string BaseDirectory, string WorkingDirectory, IReadOnlyDictionary<string, string> Variables)
{
    /// <summary>The running process: <see cref="AppContext.BaseDirectory"/>, the current directory and a snapshot of the environment.</summary>
    public static OratorConfigurationContext Current()
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            variables[(string)entry.Key] = entry.Value as string ?? string.Empty;
        }

        return new OratorConfigurationContext(AppContext.BaseDirectory, Environment.CurrentDirectory, variables);
    }

    /// <summary>The value of an environment variable, or null when it is not set.</summary>
    public string? Variable(string name) => Variables.TryGetValue(name, out var value) ? value : null;
}
