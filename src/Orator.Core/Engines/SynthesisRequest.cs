namespace Orator.Core.Engines;

/// <summary>
/// Text to speak with one voice and one prosody, already split into segments (sentences or
/// clauses). Engines speak the segments in order and call
/// <see cref="Audio.IPcmSink.EndSegmentAsync"/> after each one.
/// </summary>
/// <param name="Voice">The engine voice to use (must belong to the engine it is given to).</param>
/// <param name="Segments">The text, in order; at least one, none empty.</param>
/// <param name="Prosody">Tempo and pitch the engine should apply natively.</param>
public sealed record SynthesisRequest(EngineVoice Voice, IReadOnlyList<string> Segments, Prosody Prosody)
{
    /// <summary>
    /// Report word timings: the engine passes each word to the sink's
    /// <see cref="Audio.IWordTimingSink"/> face (when the sink has one). Off by default: it costs
    /// the engine work no plain request needs.
    /// </summary>
    public bool Words { get; init; }
}
