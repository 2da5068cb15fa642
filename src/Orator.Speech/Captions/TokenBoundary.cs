namespace Orator.Speech.Captions;

/// <summary>The input between two tokens, as it reads inside a line and as it splits when a line or a cue breaks there.</summary>
/// <param name="Strength">How good a place this is to break.</param>
/// <param name="Join">The text between the tokens inside one line, white space collapsed (<c>", "</c>, <c>" "</c>, <c>""</c>).</param>
/// <param name="Left">What ends the line or cue before a break here: the punctuation after the word (<c>","</c>, <c>" —"</c>).</param>
/// <param name="Right">What starts the line or cue after a break here: opening quotes and brackets (<c>"("</c>).</param>
internal readonly record struct TokenBoundary(BreakStrength Strength, string Join, string Left, string Right)
{
    /// <summary>Text elements in <see cref="Join"/>.</summary>
    public int JoinWidth { get; } = CaptionCharacters.Width(Join);

    /// <summary>Text elements in <see cref="Left"/>.</summary>
    public int LeftWidth { get; } = CaptionCharacters.Width(Left);

    /// <summary>Text elements in <see cref="Right"/>.</summary>
    public int RightWidth { get; } = CaptionCharacters.Width(Right);
}
