namespace Orator.Core.Engines;

/// <summary>
/// Prosody asked of an engine. <see cref="Rate"/> is a tempo multiplier (2 = twice as fast,
/// same pitch); <see cref="Pitch"/> a multiplier on the voice's base pitch (1 = unchanged).
/// Engines report through <see cref="EngineVoice.RateRange"/> which rates they honour natively;
/// the audio pipeline time-stretches whatever is left over.
/// </summary>
public readonly record struct Prosody(float Rate, float Pitch)
{
    /// <summary>The voice as it is.</summary>
    public static Prosody Neutral => new(1f, 1f);
}
