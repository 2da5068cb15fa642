namespace Orator.Speech.Captions;

/// <summary>
/// Lays a cue's tokens out as one line when they fit, else as two: at a clause end where one fits,
/// else where the two lines come out closest in length. A token longer than a line gets one of its own.
/// </summary>
internal static class LineBreaker
{
    /// <summary>
    /// What breaking a line mid-clause costs, in characters of imbalance: a clause end wins unless it
    /// leaves the lines 30 or more characters further apart than the best word boundary.
    /// </summary>
    private const double MidClausePenalty = 30;

    public static LineChoice Choose(CaptionTokens tokens, int first, int last, int maxLine)
    {
        if (first == last || tokens.Width(first, last) <= maxLine)
        {
            return new LineChoice(true, -1, 0);
        }

        LineChoice best = LineChoice.None;
        for (int k = first; k < last; k++)
        {
            int top = tokens.Width(first, k);
            int bottom = tokens.Width(k + 1, last);
            if ((top > maxLine && k > first) || (bottom > maxLine && last > k + 1))
            {
                continue;
            }

            double cost = Math.Abs(top - bottom) + (tokens.StrengthAfter(k) == BreakStrength.Word ? MidClausePenalty : 0);
            if (cost < best.Cost)
            {
                best = new LineChoice(true, k, cost);
            }
        }

        return best;
    }
}
