using System.CommandLine;

namespace Orator.Cli.Commands.Upstreams;

/// <summary><c>orator upstreams list|check</c>: the upstream speech APIs configured here, their live state on a server, and a probe of each.</summary>
internal static class UpstreamsCommand
{
    public static Command Create()
    {
        var command = new Command("upstreams", "Show the upstream speech APIs (Orator:Upstreams) and probe them.");
        command.Subcommands.Add(UpstreamsListCommand.Create());
        command.Subcommands.Add(UpstreamsCheckCommand.Create());
        return command;
    }
}
