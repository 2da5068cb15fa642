namespace Orator.Core.Engines;

/// <summary>One piece of text to speak with one voice and one prosody.</summary>
/// <param name="Voice">The engine voice to use (must belong to the engine it is given to).</param>
/// <param name="Text">The text, already validated (non-empty).</param>
/// <param name="Prosody">Tempo and pitch the engine should apply natively.</param>
public sealed record SynthesisRequest(EngineVoice Voice, string Text, Prosody Prosody);
