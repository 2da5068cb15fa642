namespace Orator.Speech.Rendering;

/// <summary>What a completed render produced.</summary>
/// <param name="OutputSamples">Samples encoded, at <paramref name="SampleRate"/> (0 when encoded bytes passed through).</param>
/// <param name="SampleRate">The output sample rate.</param>
/// <param name="Usage">The token usage the SSE done event reports.</param>
public readonly record struct RenderSummary(long OutputSamples, int SampleRate, SpeechUsage Usage)
{
    /// <summary>Seconds of audio produced.</summary>
    public double AudioSeconds => SampleRate == 0 ? 0 : OutputSamples / (double)SampleRate;
}
