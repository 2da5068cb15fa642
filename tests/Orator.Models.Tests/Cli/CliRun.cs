using System.CommandLine;
using Orator.Cli.Commands.Models;

namespace Orator.Models.Tests.Cli;

/// <summary>Runs the real <c>orator models ...</c> command tree in process, capturing its output.</summary>
public sealed record CliRun(int ExitCode, string Output, string Error)
{
    public static async Task<CliRun> InvokeAsync(params string[] args)
    {
        var root = new RootCommand("orator") { ModelsCommand.Create() };
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return new CliRun(exit, output.ToString(), error.ToString());
    }
}
