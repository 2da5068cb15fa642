using System.CommandLine;

namespace Orator.Cli.Commands;

/// <summary>
/// <c>orator voices</c>: list every voice, the models that take it, language and gender. Starts
/// the engines in process (one worker, which reports its voices), with no server, database or port.
/// </summary>
internal static class VoicesCommand
{
    public static Command Create()
    {
        var model = new Option<string?>("--model", "-m") { Description = "Only voices this model accepts." };
        var command = new Command("voices", "List the voices this machine can speak with (settings as for `orator serve`; extra --Orator:Key=value tokens act as configuration).") { model };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (result, cancellationToken) =>
        {
            var output = result.InvocationConfiguration.Output;
            var error = result.InvocationConfiguration.Error;
            CliSpeech speech;
            try
            {
                speech = await CliSpeech.StartAsync(CliSpeech.LoadOptions([.. result.UnmatchedTokens], rendering: false), cancellationToken);
            }
            catch (CliConfigurationException ex)
            {
                await error.WriteLineAsync($"orator voices: {ex.Message}");
                return 2;
            }

            await using (speech)
            {
                var engines = speech.Speech.Engines;
                var catalog = engines.Catalog;
                var wanted = result.GetValue(model);
                var canonical = wanted is null ? null : catalog.FindModel(wanted)?.Id ?? wanted;
                await output.WriteLineAsync($"{"VOICE",-22} {"ENGINE",-7} {"ENGINE VOICE",-16} {"LANGUAGE",-10} {"GENDER",-8} MODELS");
                foreach (var row in catalog.List().Where(r => canonical is null || r.Models.Contains(canonical)))
                {
                    await output.WriteLineAsync($"{row.Id,-22} {row.Engine,-7} {row.EngineVoice,-16} {row.Language,-10} {row.Gender,-8} {string.Join(",", row.Models)}");
                }

                foreach (var (engine, problem) in engines.MissingEngines)
                {
                    await error.WriteLineAsync($"{engine} not available: {problem}");
                }
            }

            return 0;
        });
        return command;
    }
}
