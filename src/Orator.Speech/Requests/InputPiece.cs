using Orator.Text;

namespace Orator.Speech.Requests;

/// <summary>
/// Where a request's input sits in a longer text that is planned piece by piece and rendered
/// into one stream (<see cref="Rendering.ContinuousRender"/>, used by <c>orator say</c> for
/// long form). The planner then treats the piece as part of that text: a piece that follows
/// another does not get the short first chunk a lone request gets for its time to first audio,
/// and the piece's last chunk gets the pause of the break that separates it from the next piece
/// (a paragraph, a sentence), so the join sounds like any other break of the same kind.
/// </summary>
/// <param name="FollowsEarlierText">True for every piece but the first of its stream.</param>
/// <param name="BreakAfter">What separates this piece from the next; <see cref="ChunkBreak.End"/> (no pause) for the last.</param>
public readonly record struct InputPiece(bool FollowsEarlierText, ChunkBreak BreakAfter);
