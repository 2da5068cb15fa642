using System.CommandLine;
using Orator.Server.Hosting;

namespace Orator.Cli.Commands;

/// <summary><c>orator voices</c>: list every voice, the models that take it, language and gender.</summary>
internal static class VoicesCommand
{
    public static Command Create()
    {
        var model = new Option<string?>("--model", "-m") { Description = "Only voices this model accepts." };
        var command = new Command("voices", "List the voices this machine can speak with.") { model };
        command.SetAction(async (result, cancellationToken) =>
        {
            OratorServer server;
            try
            {
                server = await OratorServer.StartAsync(["--urls=http://127.0.0.1:0", "--Orator:Workers=1", "--Logging:LogLevel:Default=Warning"], cancellationToken: cancellationToken);
            }
            catch (OratorConfigurationException ex)
            {
                return ConfigurationErrors.Report(Console.Error, ex);
            }

            await using (server)
            {
                var catalog = server.Engines.Catalog;
                var wanted = result.GetValue(model);
                var canonical = wanted is null ? null : catalog.FindModel(wanted)?.Id ?? wanted;
                Console.Out.WriteLine($"{"VOICE",-22} {"ENGINE",-7} {"ENGINE VOICE",-16} {"LANGUAGE",-10} {"GENDER",-8} MODELS");
                foreach (var row in catalog.List().Where(r => canonical is null || r.Models.Contains(canonical)))
                {
                    Console.Out.WriteLine($"{row.Id,-22} {row.Engine,-7} {row.EngineVoice,-16} {row.Language,-10} {row.Gender,-8} {string.Join(",", row.Models)}");
                }

                foreach (var (engine, problem) in server.Engines.MissingEngines)
                {
                    Console.Error.WriteLine($"{engine} not available: {problem}");
                }
            }

            return 0;
        });
        return command;
    }
}
