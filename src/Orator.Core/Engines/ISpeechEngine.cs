using Orator.Core.Audio;

namespace Orator.Core.Engines;

/// <summary>
/// A text-to-speech engine: turns text into a stream of 16-bit mono PCM pushed into a sink.
/// This is the seam every engine (Flite, espeak-ng, neural, upstream) sits behind.
/// </summary>
public interface ISpeechEngine
{
    /// <summary>Stable engine id, e.g. <c>flite</c> or <c>espeak</c>.</summary>
    string Id { get; }

    /// <summary>The voices this engine can speak with right now.</summary>
    IReadOnlyList<EngineVoice> Voices { get; }

    /// <summary>
    /// Synthesises <paramref name="request"/> and writes PCM at the voice's sample rate into
    /// <paramref name="sink"/> as it is produced. Returns when all audio has been written.
    /// Stops promptly (throwing <see cref="OperationCanceledException"/>) when cancelled.
    /// </summary>
    Task SynthesizeAsync(SynthesisRequest request, IPcmSink sink, CancellationToken cancellationToken);
}
