using Orator.Core.Audio;
using Orator.Core.Errors;
using Orator.Speech.Backends;
using Orator.Speech.Planning;

namespace Orator.Speech.Rendering;

/// <summary>
/// Renders a plan into an output and says how it ended. A PCM backend's chunks are joined (trims,
/// fades, pauses), stretched, resampled to 24 kHz, encoded and flushed as they come, through a
/// <see cref="ContinuousRender"/> of that one plan (the only owner of the joiner, the audio
/// pipeline and the encoder; a long text renders several plans through one); an encoded
/// backend's bytes pass through.
/// Never sees HTTP: the server, the CLI and the benchmarks render through here alike.
/// </summary>
public static class SpeechRenderer
{
    /// <summary>Renders <paramref name="plan"/> into <paramref name="output"/>; failures of the backend come back as the outcome.</summary>
    public static async Task<RenderOutcome> RenderAsync(SpeechPlan plan, ISpeechOutput output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(output);
        var audio = plan.Backend.AudioFor(plan);
        return audio.IsPcm
            ? await RenderPcmAsync(plan, output, cancellationToken)
            : await RenderEncodedAsync(plan, output, cancellationToken);
    }

    private static async Task<RenderOutcome> RenderPcmAsync(SpeechPlan plan, ISpeechOutput output, CancellationToken cancellationToken)
    {
        // A stream of one plan: the same joiner, pipeline and encoder as a long text's stream of many.
        using var render = new ContinuousRender(output);
        var outcome = await render.RenderAsync(plan, cancellationToken);
        return outcome.Status == RenderStatus.Completed ? await render.CompleteAsync(cancellationToken) : outcome;
    }

    private static async Task<RenderOutcome> RenderEncodedAsync(SpeechPlan plan, ISpeechOutput output, CancellationToken cancellationToken)
    {
        var sink = new PassthroughSink(output, AudioFormats.ContentTypeOf(plan.Format));
        try
        {
            await plan.Backend.RenderAsync(plan, BackendOutput.ForEncoded(sink), cancellationToken);
            sink.Start();
            await output.EndAsync(SummaryOf(plan, 0), cancellationToken);
            return new RenderOutcome(RenderStatus.Completed, true, 0, plan.OutputSampleRate);
        }
        catch (Exception ex) when (Classify(ex, sink.Started, cancellationToken) is { } status)
        {
            return new RenderOutcome(status, sink.Started, 0, plan.OutputSampleRate, status == RenderStatus.ClientGone ? null : ex);
        }
    }

    /// <summary>The outcome an exception stands for, or null for one that is Orator's own fault (it propagates).</summary>
    internal static RenderStatus? Classify(Exception exception, bool started, CancellationToken cancellationToken) => exception switch
    {
        OperationCanceledException when cancellationToken.IsCancellationRequested => RenderStatus.ClientGone,
        EngineOverloadedException => started ? RenderStatus.FailedAfterAudio : RenderStatus.OverloadedBeforeAudio,
        EngineUnavailableException => started ? RenderStatus.FailedAfterAudio : RenderStatus.FailedBeforeAudio,
        _ => null,
    };

    /// <summary>What the output's end reports for <paramref name="samples"/> of <paramref name="plan"/> (usage counts the input as given).</summary>
    internal static RenderSummary SummaryOf(SpeechPlan plan, long samples) =>
        new(samples, plan.OutputSampleRate, SpeechUsage.From(plan.Input, plan.InstructionText, samples, plan.OutputSampleRate));
}
