namespace Orator.Speech.Captions;

/// <summary>How good a place the gap between two words is to end a cue or a line; stronger values are better.</summary>
internal enum BreakStrength
{
    /// <summary>A plain word boundary, in the middle of a clause.</summary>
    Word,

    /// <summary>After a clause mark (<c>, ; : — ( )</c> ...) or a line break the sentence rule did not take.</summary>
    Clause,

    /// <summary>A sentence end, a paragraph or a heading's line break: a cue always ends here.</summary>
    Sentence,
}
