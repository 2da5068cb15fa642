using System.CommandLine;
using Orator.Server.Hosting;
using Orator.Storage;

namespace Orator.Cli.Commands;

/// <summary>Shared plumbing of the commands that work on the key and usage store without a server.</summary>
internal static class StorageCommand
{
    /// <summary>
    /// Opens (and migrates) the store named by configuration, read and checked as <c>orator serve</c>
    /// reads and checks it; extra tokens such as <c>--Orator:Storage:ConnectionString=...</c> are its
    /// command line. Null, with the problems printed, when the configuration cannot be used.
    /// </summary>
    public static async Task<OratorStorage?> TryOpenAsync(ParseResult result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        StorageOptions storage;
        try
        {
            storage = OratorOptions.FromConfiguration(OratorConfiguration.Build([.. result.UnmatchedTokens])).Storage;
        }
        catch (OratorConfigurationException ex)
        {
            ConfigurationErrors.Report(Console.Error, ex);
            return null;
        }

        return await OratorStorage.OpenAsync(storage, cancellationToken: cancellationToken);
    }

    /// <summary>Prints a one-line error and returns the exit code for bad input.</summary>
    public static int Fail(string message)
    {
        Console.Error.WriteLine("error: " + message);
        return ConfigurationErrors.ExitCode;
    }
}
