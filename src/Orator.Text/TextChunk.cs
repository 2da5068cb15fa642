namespace Orator.Text;

/// <summary>
/// One piece of the input to synthesise on its own: a sentence, a clause of a long sentence, or a
/// forced cut of text without punctuation.
/// </summary>
/// <param name="Text">
/// The chunk's text: <c>original.Substring(Start, Length)</c>, never empty, without leading or
/// trailing white space (except white space that carries a combining mark, which is part of a
/// visible cluster).
/// </param>
/// <param name="Start">Offset of the first UTF-16 code unit of the chunk in the original string.</param>
/// <param name="Length">Length of the chunk in UTF-16 code units.</param>
/// <param name="Break">What ended the chunk; <see cref="ChunkBreak.End"/> for the last one only.</param>
public readonly record struct TextChunk(string Text, int Start, int Length, ChunkBreak Break)
{
    /// <summary>Offset just past the chunk in the original string.</summary>
    public int End => Start + Length;
}
