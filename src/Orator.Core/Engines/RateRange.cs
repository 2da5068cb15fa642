namespace Orator.Core.Engines;

/// <summary>The span of tempo multipliers an engine can produce on its own.</summary>
public readonly record struct RateRange(float Min, float Max)
{
    /// <summary>Clamps <paramref name="rate"/> into the range.</summary>
    public float Clamp(float rate) => Math.Clamp(rate, Min, Max);
}
