namespace Orator.Speech.Captions;

/// <summary>The tokens of one cue and where its lines break.</summary>
/// <param name="First">The cue's first token.</param>
/// <param name="Last">The cue's last token.</param>
/// <param name="BreakAfter">The token its first line ends with; -1 for one line.</param>
internal readonly record struct CueRange(int First, int Last, int BreakAfter);
