using Orator.Server.Hosting;

namespace Orator.Cli.Commands;

/// <summary>How every command reports configuration it cannot use: one <c>error:</c> line per problem, exit status 2, no stack trace.</summary>
internal static class ConfigurationErrors
{
    /// <summary>The exit status for configuration that cannot be used (as for other bad input).</summary>
    public const int ExitCode = 2;

    public static int Report(TextWriter error, OratorConfigurationException exception)
    {
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(exception);
        foreach (var problem in exception.Problems)
        {
            error.WriteLine("error: " + problem);
        }

        return ExitCode;
    }
}
