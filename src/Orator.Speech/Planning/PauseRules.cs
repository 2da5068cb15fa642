using Orator.Speech.Configuration;
using Orator.Text;

namespace Orator.Speech.Planning;

/// <summary>The pause after each chunk: the configured pause for its kind of break, scaled by the instructions.</summary>
internal static class PauseRules
{
    /// <summary>
    /// Pauses at the engine's sample clock: the engine's native tempo does not apply to inserted
    /// silence, so they are shortened here; the stretcher then scales them like speech. The last
    /// chunk ends the input (<see cref="ChunkBreak.End"/>, no pause) unless <paramref name="breakAfterLast"/>
    /// says the input is a piece of a longer text that goes on after a break of that kind.
    /// </summary>
    public static TimeSpan[] For(IReadOnlyList<TextChunk> chunks, PauseOptions pauses, float pauseScale, float engineRate, ChunkBreak breakAfterLast = ChunkBreak.End)
    {
        var result = new TimeSpan[chunks.Count];
        for (var i = 0; i < chunks.Count; i++)
        {
            var ms = (i == chunks.Count - 1 ? breakAfterLast : chunks[i].Break) switch
            {
                ChunkBreak.Sentence => pauses.SentenceMs,
                ChunkBreak.Clause => pauses.ClauseMs,
                ChunkBreak.Line => pauses.LineMs,
                ChunkBreak.Paragraph => pauses.ParagraphMs,
                ChunkBreak.Forced => pauses.ForcedMs,
                _ => 0,
            };
            result[i] = TimeSpan.FromMilliseconds(ms * pauseScale / engineRate);
        }

        return result;
    }
}
