using System.CommandLine;
using Orator.Cli.Commands;
using Orator.Cli.Commands.Models;
using Orator.Cli.Commands.Say;
using Orator.Cli.Commands.Upstreams;

SayCommand.PrepareProcess(args);
var root = new RootCommand("Orator: a self-hosted, OpenAI-compatible text-to-speech server.");
root.Subcommands.Add(ServeCommand.Create());
root.Subcommands.Add(SayCommand.Create());
root.Subcommands.Add(VoicesCommand.Create());
root.Subcommands.Add(ModelsCommand.Create());
root.Subcommands.Add(KeysCommand.Create());
root.Subcommands.Add(UsageCommand.Create());
root.Subcommands.Add(UpstreamsCommand.Create());
return await root.Parse(args).InvokeAsync();
