using System.CommandLine;
using Orator.Cli.Commands.Upstreams;

namespace Orator.Cli.Tests.Upstreams;

/// <summary>What one in-process run of a command printed, and its exit status.</summary>
public sealed record CliRun(int ExitCode, string Output, string Error)
{
    /// <summary>Both streams, for asserting something appears in neither.</summary>
    public string Everything => Output + Error;
}

/// <summary>
/// Runs <c>orator upstreams ...</c> in this process, its standard output and error captured. The
/// settings are read as in the real process (files, this process's environment, the arguments);
/// tests give theirs as <c>--Orator:...</c> arguments and variables of names no other test uses.
/// </summary>
public static class InProcessCli
{
    public static async Task<CliRun> RunAsync(params string[] args)
    {
        var root = new RootCommand();
        root.Subcommands.Add(UpstreamsCommand.Create());
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }
}
