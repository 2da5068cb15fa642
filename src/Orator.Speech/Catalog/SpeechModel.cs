namespace Orator.Speech.Catalog;

/// <summary>A model name the API accepts, and which engines serve it.</summary>
/// <param name="Id">The model id as clients send it.</param>
/// <param name="EngineId">The engine that serves it, or null for the OpenAI-named models that follow the voice map.</param>
/// <param name="DefaultVoice">The engine voice a model stands for (<c>piper:VOICE</c>): OpenAI names speak with it.</param>
public sealed record SpeechModel(string Id, string? EngineId, string? DefaultVoice = null);
