using System.CommandLine;
using Orator.Server.Hosting;

namespace Orator.Cli.Commands;

/// <summary><c>orator serve</c>: run the HTTP server until Ctrl+C.</summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var urls = new Option<string?>("--urls") { Description = $"Addresses to listen on (default {OratorOptions.DefaultUrl}; also ASPNETCORE_URLS or 'Urls' in orator.json)." };
        var workers = new Option<int?>("--workers") { Description = "Engine worker processes (default: one per CPU core); the command line's Orator:Workers." };
        var command = new Command("serve", "Run the OpenAI-compatible speech server.") { urls, workers };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (result, cancellationToken) =>
        {
            // Options are the command line's spelling of keys, placed after the raw --Key=value tokens so they win.
            var args = new List<string>(result.UnmatchedTokens);
            if (result.GetValue(urls) is { } u)
            {
                args.Add($"--urls={u}");
            }

            if (result.GetValue(workers) is { } w)
            {
                args.Add(OratorConfiguration.Argument($"{OratorOptions.SectionName}:{nameof(OratorOptions.Workers)}", w.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            }

            OratorServer server;
            try
            {
                server = await OratorServer.StartAsync([.. args], cancellationToken: cancellationToken);
            }
            catch (OratorConfigurationException ex)
            {
                return ConfigurationErrors.Report(Console.Error, ex);
            }
            catch (InvalidDataException ex)
            {
                // A missing or malformed Orator:LexiconPath file.
                await Console.Error.WriteLineAsync("error: " + ex.Message);
                return ConfigurationErrors.ExitCode;
            }

            await using (server)
            {
                Console.Out.Write(StartupReport.Build(server, server.IsOpen, server.KeyCount + (int)server.StoredKeyCount));
                await server.WaitForShutdownAsync(cancellationToken);
            }

            return 0;
        });
        return command;
    }
}
