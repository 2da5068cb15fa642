using Orator.Text;

namespace Orator.Cli.Commands.Say.LongForm;

/// <summary>One piece of a long text, planned and rendered on its own into the stream of its part.</summary>
/// <param name="Text">The text of the piece.</param>
/// <param name="BreakAfter">What separates it from the next piece of its part; <see cref="ChunkBreak.End"/> for a part's last piece.</param>
/// <param name="Start">Characters of the input before the piece.</param>
/// <param name="End">Characters of the input through the piece.</param>
/// <param name="StartsPart">The title of the part (chapter) this piece starts, or null when it continues the part before.</param>
internal sealed record TextPiece(string Text, ChunkBreak BreakAfter, long Start, long End, string? StartsPart);
