using System.CommandLine;
using Orator.Server.Hosting;
using Orator.Storage;

namespace Orator.Cli.Commands;

/// <summary>Shared plumbing of the commands that work on the key and usage store without a server.</summary>
internal static class StorageCommand
{
    /// <summary>
    /// Opens (and migrates) the store named by configuration; extra tokens such as
    /// <c>--Orator:Storage:ConnectionString=...</c> act as configuration like on <c>orator serve</c>.
    /// </summary>
    public static Task<OratorStorage> OpenAsync(ParseResult result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        var configuration = OratorConfiguration.Load([.. result.UnmatchedTokens]);
        return OratorStorage.OpenAsync(OratorConfiguration.Storage(configuration), cancellationToken: cancellationToken);
    }

    /// <summary>Prints a one-line error and returns the exit code for bad input.</summary>
    public static int Fail(string message)
    {
        Console.Error.WriteLine("error: " + message);
        return 2;
    }
}
