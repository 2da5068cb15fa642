using Orator.Speech.Planning;

namespace Orator.Speech.Backends;

/// <summary>
/// The seam a plan is rendered through. A backend either produces PCM (the local engines: engine
/// workers and neural models), which the renderer joins, processes and encodes, or bytes already
/// encoded in the plan's format (an upstream API asked for that format), which pass through
/// unchanged. <see cref="AudioFor"/> says which, before rendering starts.
/// </summary>
public interface ISpeechBackend
{
    /// <summary>Stable id for logs and metrics (<c>local</c>, or an upstream's name).</summary>
    string Id { get; }

    /// <summary>What this backend delivers for <paramref name="plan"/>.</summary>
    BackendAudio AudioFor(SpeechPlan plan);

    /// <summary>
    /// Renders <paramref name="plan"/> into the sink of <paramref name="output"/> that
    /// <see cref="AudioFor"/> announced. PCM backends end every chunk with
    /// <see cref="Core.Audio.IPcmSink.EndSegmentAsync"/>. Throws
    /// <see cref="Core.Errors.EngineOverloadedException"/> when no capacity became free in time and
    /// <see cref="Core.Errors.EngineUnavailableException"/> when it cannot render; stops promptly
    /// (<see cref="OperationCanceledException"/>) when cancelled.
    /// </summary>
    Task RenderAsync(SpeechPlan plan, BackendOutput output, CancellationToken cancellationToken);
}
