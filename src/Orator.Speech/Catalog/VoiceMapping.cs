namespace Orator.Speech.Catalog;

/// <summary>
/// Where an OpenAI voice name goes: an engine voice (<c>engine:native</c>) plus the pitch and
/// tempo multipliers that give the name its own character.
/// </summary>
public sealed record VoiceMapping
{
    /// <summary>Qualified engine voice, e.g. <c>flite:slt</c>.</summary>
    public string Voice { get; init; } = "";

    /// <summary>Pitch multiplier on the engine voice (1 = unchanged).</summary>
    public float Pitch { get; init; } = 1f;

    /// <summary>Tempo multiplier applied before the request's <c>speed</c> (1 = unchanged).</summary>
    public float Rate { get; init; } = 1f;

    /// <summary>Gender advertised for the name in the voice list.</summary>
    public string Gender { get; init; } = "neutral";
}
