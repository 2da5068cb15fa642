namespace Orator.Speech.Captions;

/// <summary>How a run of tokens is laid out as one cue's text.</summary>
/// <param name="Fits">Whether it fits at all: at most two lines, each within the limit or a single token.</param>
/// <param name="BreakAfter">The token the first line ends with; -1 for a single line.</param>
/// <param name="Cost">How much worse than one line it reads: imbalance, a break mid-clause.</param>
internal readonly record struct LineChoice(bool Fits, int BreakAfter, double Cost)
{
    public static LineChoice None { get; } = new(false, -1, double.PositiveInfinity);

    public bool IsTwoLines => BreakAfter >= 0;
}
