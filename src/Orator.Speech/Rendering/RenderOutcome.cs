namespace Orator.Speech.Rendering;

/// <summary>What a render did: how it ended, whether audio went out, how much, and the failure when there was one.</summary>
/// <param name="Status">How it ended.</param>
/// <param name="AudioStarted">True once <see cref="ISpeechOutput.Begin"/> was called.</param>
/// <param name="OutputSamples">Samples encoded so far, at <paramref name="SampleRate"/>.</param>
/// <param name="SampleRate">The output sample rate.</param>
/// <param name="Failure">The backend's exception for the failed and overloaded outcomes.</param>
public sealed record RenderOutcome(RenderStatus Status, bool AudioStarted, long OutputSamples, int SampleRate, Exception? Failure = null)
{
    /// <summary>Seconds of audio produced.</summary>
    public double AudioSeconds => SampleRate == 0 ? 0 : OutputSamples / (double)SampleRate;
}
