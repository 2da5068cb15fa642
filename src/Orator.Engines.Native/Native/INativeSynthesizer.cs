using Orator.Core.Engines;

namespace Orator.Engines.Native;

/// <summary>
/// Receives PCM from a native engine callback, on the synthesising thread. The span is only
/// valid during the call. Return <c>false</c> to ask the engine to stop.
/// </summary>
internal delegate bool NativePcmCallback(ReadOnlySpan<short> samples);

/// <summary>
/// A native engine loaded into the current process. Implementations are NOT thread-safe:
/// the worker process calls one at a time, from one thread (espeak-ng keeps global state,
/// and Flite's voice features are changed per request).
/// </summary>
internal interface INativeSynthesizer : IDisposable
{
    /// <summary>Engine id, e.g. <c>flite</c>.</summary>
    string EngineId { get; }

    /// <summary>Voices this engine has in this process.</summary>
    IReadOnlyList<EngineVoice> Voices { get; }

    /// <summary>
    /// Speaks <paramref name="text"/> with the voice named <paramref name="nativeVoice"/>, calling
    /// <paramref name="onAudio"/> with PCM (at the voice's sample rate) as soon as the engine
    /// produces it. Stops early, without throwing, when <paramref name="onAudio"/> returns false.
    /// Throws <see cref="Orator.Core.Errors.EngineUnavailableException"/> on engine errors.
    /// With <paramref name="onWord"/>, also reports each word of <paramref name="text"/> (see
    /// <see cref="Words.WordTokens"/>) in text order, each before the PCM holding its start; the PCM
    /// is the same with or without it.
    /// </summary>
    void Synthesize(string nativeVoice, string text, Prosody prosody, NativePcmCallback onAudio, NativeWordCallback? onWord = null);
}
