using Orator.Core.Engines;

namespace Orator.Engines.EspeakNg;

/// <summary>A listed espeak-ng voice and the identifier that selects it.</summary>
/// <param name="Voice">The voice as the engine reports it (native name = language tag).</param>
/// <param name="Identifier">espeak-ng's voice file identifier, e.g. <c>gmw/en</c>.</param>
internal sealed record EspeakVoiceEntry(EngineVoice Voice, string Identifier);
