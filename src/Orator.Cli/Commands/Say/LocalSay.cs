using Orator.Cli.Commands.Say.LongForm;

namespace Orator.Cli.Commands.Say;

/// <summary>
/// <c>orator say</c> without <c>--server</c>: plans and renders in this process through the
/// speech core, exactly as the server's speech endpoint does, but with no Kestrel, database or
/// port. The text may be any length (<see cref="SayRender"/> renders it piece by piece).
/// </summary>
internal static class LocalSay
{
    /// <summary>Speaks <paramref name="say"/>; returns the exit status (0, 1 render failed, 2 refused, 130 cancelled).</summary>
    public static async Task<int> RunAsync(SayRequest say, IReadOnlyList<string> configurationTokens, SayConsole console, CancellationToken cancellationToken)
    {
        TextSurvey survey;
        try
        {
            using var reader = say.Input.OpenReader();
            survey = await TextSurvey.RunAsync(reader, PieceLimits.Default.MaxLine, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return console.Fail(SayExit.Refused, say.Input.CannotRead(ex));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return console.Fail(SayExit.Cancelled, "cancelled.");
        }

        if (!survey.HasText)
        {
            return console.Fail(SayExit.Refused, SayText.Empty);
        }

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
            try
            {
                return await SayRender.RunAsync(speech, say, console, survey, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return console.Fail(SayExit.Cancelled, "cancelled.");
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                return console.Fail(SayExit.Failed, say.Input.CannotRead(ex));
            }
        }
    }
}
