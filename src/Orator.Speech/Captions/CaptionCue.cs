namespace Orator.Speech.Captions;

/// <summary>One caption shown on screen from <paramref name="Start"/> to <paramref name="End"/>.</summary>
/// <param name="Start">When the cue appears, in seconds, on a whole millisecond.</param>
/// <param name="End">When the cue disappears, in seconds, on a whole millisecond; after <paramref name="Start"/> and not after the next cue's start.</param>
/// <param name="Text">One or two lines joined by <c>'\n'</c>, taken from the input text with white space collapsed.</param>
public readonly record struct CaptionCue(double Start, double End, string Text);
