using Orator.Core.Engines;

namespace Orator.Speech.Catalog;

/// <summary>What a (model, voice) pair turned into: an engine, its voice and the name's character.</summary>
public sealed record ResolvedVoice(ISpeechEngine Engine, EngineVoice Voice, float Pitch, float Rate);
