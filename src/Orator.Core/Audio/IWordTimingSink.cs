namespace Orator.Core.Audio;

/// <summary>
/// The optional second face of an <see cref="IPcmSink"/>: receives word timings when the request
/// asked for them (<see cref="Engines.SynthesisRequest.Words"/>). An engine reports a segment's
/// words in text order, each before it writes the PCM that contains the word's start sample, and
/// all of them before <see cref="IPcmSink.EndSegmentAsync"/> for that segment.
/// </summary>
public interface IWordTimingSink
{
    /// <summary>Consumes one word's timing.</summary>
    ValueTask WordAsync(WordTiming word, CancellationToken cancellationToken);
}
