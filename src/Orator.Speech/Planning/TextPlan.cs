using Orator.Speech.Catalog;

namespace Orator.Speech.Planning;

/// <summary>The text half of a plan (what <c>/v1/audio/normalize</c> shows): model, voice and the spoken text.</summary>
/// <param name="Model">The model the request named.</param>
/// <param name="Voice">The voice it resolved to.</param>
/// <param name="Input">The input as the client wrote it.</param>
/// <param name="Spoken">What the engine will read, and in which chunks.</param>
public sealed record TextPlan(SpeechModel Model, ResolvedVoice Voice, string Input, SpokenText Spoken);
