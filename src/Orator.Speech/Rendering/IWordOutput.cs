using Orator.Speech.Captions;

namespace Orator.Speech.Rendering;

/// <summary>
/// The optional second face of an <see cref="ISpeechOutput"/> that takes word timestamps (SSE
/// words events, captions, Kokoro-style captioned chunks). For a plan with
/// <see cref="Planning.SpeechPlan.Timestamps"/> the renderer calls it after
/// <see cref="ISpeechOutput.Begin"/> with each chunk's words, before any of that chunk's audio is
/// written to <see cref="ISpeechOutput.Writer"/>.
/// </summary>
public interface IWordOutput
{
    /// <summary>Words in order, on the output timeline, mapped to the input; the list may be reused after the call.</summary>
    ValueTask WordsAsync(IReadOnlyList<SpokenWord> words, CancellationToken cancellationToken);
}
