using Orator.Core.Engines;
using Orator.Speech.Planning;

namespace Orator.Speech.Backends;

/// <summary>
/// The engines on this machine: Flite and espeak-ng in the engine worker processes, Kokoro and
/// Piper in process. The plan's voice names the engine; it writes PCM at the voice's rate, one
/// chunk after another, ending each with a segment mark.
/// </summary>
public sealed class LocalEngineBackend : ISpeechBackend
{
    /// <summary>The id of the local backend.</summary>
    public const string LocalId = "local";

    /// <inheritdoc />
    public string Id => LocalId;

    /// <inheritdoc />
    public BackendAudio AudioFor(SpeechPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return BackendAudio.Pcm(plan.Voice.Voice.SampleRate);
    }

    /// <inheritdoc />
    public Task RenderAsync(SpeechPlan plan, BackendOutput output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(output);
        var sink = output.Pcm ?? throw new ArgumentException("The local engines write PCM.", nameof(output));
        var chunks = plan.Spoken.Chunks;
        if (chunks.Count == 0)
        {
            return Task.CompletedTask;
        }

        var segments = new string[chunks.Count];
        for (var i = 0; i < segments.Length; i++)
        {
            segments[i] = chunks[i].Text;
        }

        return plan.Voice.Engine.SynthesizeAsync(new SynthesisRequest(plan.Voice.Voice, segments, plan.EngineProsody) { Words = plan.Timestamps }, sink, cancellationToken);
    }
}
