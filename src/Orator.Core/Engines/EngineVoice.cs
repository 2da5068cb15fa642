namespace Orator.Core.Engines;

/// <summary>A voice an engine really has.</summary>
/// <param name="EngineId">The engine's id (<c>flite</c>, <c>espeak</c>).</param>
/// <param name="NativeName">The engine's own name for the voice (<c>slt</c>, <c>de</c>).</param>
/// <param name="Language">BCP-47-ish language tag, e.g. <c>en-US</c>.</param>
/// <param name="Gender">The voice's gender as its engine describes it.</param>
/// <param name="SampleRate">Rate of the PCM the engine produces for this voice, in Hz.</param>
/// <param name="RateRange">Tempo multipliers the engine honours natively for this voice.</param>
/// <param name="DisplayName">A human-readable name.</param>
/// <param name="NativePitch">
/// True when the engine applies <see cref="Prosody.Pitch"/> itself; false (neural models) leaves
/// pitch to the audio pipeline.
/// </param>
public sealed record EngineVoice(
    string EngineId,
    string NativeName,
    string Language,
    VoiceGender Gender,
    int SampleRate,
    RateRange RateRange,
    string DisplayName,
    bool NativePitch = true)
{
    /// <summary>The voice's qualified id, <c>engine:native</c>, unique across engines.</summary>
    public string QualifiedId => $"{EngineId}:{NativeName}";
}
