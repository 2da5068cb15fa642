namespace Orator.Speech.Captions;

/// <summary>
/// The unit cues and lines are made of: one spoken word, or several that touch with no space between
/// them (<c>well-known</c> said as two words), which are never broken apart.
/// </summary>
/// <param name="Text">The input between the first word's start and the last word's end, white space collapsed.</param>
/// <param name="Width">Text elements in <paramref name="Text"/>.</param>
/// <param name="Start">The first word's start, in seconds.</param>
/// <param name="End">The last word's end, in seconds.</param>
/// <param name="StartOffset">Offset of the first word in the input.</param>
/// <param name="EndOffset">Offset just past the last word in the input.</param>
internal readonly record struct CaptionToken(string Text, int Width, double Start, double End, int StartOffset, int EndOffset);
