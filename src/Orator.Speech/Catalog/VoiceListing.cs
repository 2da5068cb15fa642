namespace Orator.Speech.Catalog;

/// <summary>One row of <c>GET /v1/audio/voices</c>.</summary>
public sealed record VoiceListing(
    string Id,
    string Name,
    string Model,
    IReadOnlyList<string> Models,
    string Language,
    string Gender,
    string Engine,
    string EngineVoice);
