using System.Globalization;
using Orator.Speech.Errors;
using Orator.Speech.Rendering;
using Orator.Speech.Requests;

namespace Orator.Cli.Commands.Say;

/// <summary>
/// <c>orator say</c> without <c>--server</c>: plans and renders in this process through the
/// speech core, exactly as the server's speech endpoint does, but with no Kestrel, database or
/// port. The text may be longer than the HTTP API's 4,096 characters.
/// </summary>
internal static class LocalSay
{
    /// <summary>Speaks <paramref name="say"/>; returns the exit status (0, 1 render failed, 2 refused, 130 cancelled).</summary>
    public static async Task<int> RunAsync(SayRequest say, IReadOnlyList<string> configurationTokens, SayConsole console, CancellationToken cancellationToken)
    {
        // Alongside reading the settings and starting the worker (RenderWarmup says why).
        var warmup = Task.Run(() => RenderWarmup.Run(say.Format), CancellationToken.None);
        CliSpeech speech;
        try
        {
            speech = await CliSpeech.StartAsync(CliSpeech.LoadOptions(configurationTokens, rendering: true), cancellationToken);
            await warmup;
        }
        catch (CliConfigurationException ex)
        {
            return console.Fail(SayExit.Refused, ex.Message);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return console.Fail(SayExit.Cancelled, "cancelled.");
        }

        await using (speech)
        {
            var planned = speech.Speech.Planner.Plan(new SpeechRequest
            {
                Model = say.Model,
                Voice = say.Voice,
                Input = say.Text,
                Instructions = say.Instructions,
                ResponseFormat = say.Format,
                Speed = say.Speed,
            });
            if (planned.Plan is not { } plan)
            {
                return Refused(planned.Error!, speech, console);
            }

            SayDestination destination;
            try
            {
                destination = SayDestination.Open(say.Output);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                return console.Fail(SayExit.Refused, $"cannot write {say.Output}: {ex.Message}");
            }

            await using (destination)
            {
                RenderOutcome outcome;
                await using (var output = new StreamSpeechOutput(destination.Stream))
                {
                    outcome = await SpeechRenderer.RenderAsync(plan, output, cancellationToken);
                }

                if (outcome.Status != RenderStatus.Completed && cancellationToken.IsCancellationRequested)
                {
                    // Ctrl+C in a terminal reaches the engine workers too: a worker that died of it is not an engine failure.
                    return console.Fail(SayExit.Cancelled, "cancelled.");
                }

                return outcome.Status switch
                {
                    RenderStatus.Completed => console.Wrote(destination, await destination.CompleteAsync(plan.Format, cancellationToken), outcome.AudioSeconds),
                    RenderStatus.ClientGone => console.Fail(SayExit.Cancelled, "cancelled."),
                    RenderStatus.OverloadedBeforeAudio => console.Fail(SayExit.Failed, $"no engine worker became free: {outcome.Failure?.Message}"),
                    _ => console.Fail(SayExit.Failed, string.Create(CultureInfo.InvariantCulture, $"the engine failed after {outcome.AudioSeconds:F2} s of audio: {outcome.Failure?.Message}")),
                };
            }
        }
    }

    private static int Refused(ApiError error, CliSpeech speech, SayConsole console)
    {
        console.Fail(SayExit.Refused, error.Message);
        if (error.Param is "voice" or "model")
        {
            console.Note("`orator voices` lists the voices of each model.");
            foreach (var (engine, problem) in speech.Speech.Engines.MissingEngines)
            {
                console.Note($"{engine} not available: {problem}");
            }
        }

        return SayExit.Refused;
    }
}
