using Orator.Gateway.Configuration;
using Orator.Server.Hosting;

namespace Orator.Cli.Commands.Upstreams;

/// <summary>The upstreams <c>orator serve</c> would put in force here, and where the local engines stand among them.</summary>
/// <param name="Upstreams">Checked and resolved, by name.</param>
/// <param name="LocalPriority"><c>Orator:LocalPriority</c>.</param>
internal sealed record ConfiguredUpstreams(IReadOnlyList<UpstreamDefinition> Upstreams, int LocalPriority)
{
    /// <summary>
    /// Reads and checks the configuration as <c>orator serve</c> does (same sources, same order, every
    /// problem reported); <paramref name="configurationTokens"/> are its command line. Null, with the
    /// problems printed as every command prints them, when it cannot be used.
    /// </summary>
    public static ConfiguredUpstreams? TryRead(IReadOnlyList<string> configurationTokens, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(error);
        OratorOptions options;
        try
        {
            options = OratorOptions.FromConfiguration(OratorConfiguration.Build(configurationTokens));
        }
        catch (OratorConfigurationException ex)
        {
            ConfigurationErrors.Report(error, ex);
            return null;
        }

        // FromConfiguration has run the same Read: no problems are left here.
        return new ConfiguredUpstreams(UpstreamSettings.Read(options.Upstreams, Environment.GetEnvironmentVariable).Upstreams, options.LocalPriority);
    }
}
