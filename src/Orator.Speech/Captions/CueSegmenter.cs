namespace Orator.Speech.Captions;

/// <summary>
/// Splits the tokens into cues: every sentence end ends a cue; within a sentence, the split with the
/// lowest total cost over all feasible splits (dynamic programming), so breaks fall at clause ends
/// rather than wherever the last line filled up, and no tiny cue is left over at the end.
/// </summary>
/// <remarks>
/// A cue is feasible when its text fits two lines (<see cref="LineBreaker"/>) and it lasts at most
/// the maximum from its first word's start to its last word's end; one token alone is always
/// feasible, so a split always exists. Costs, in one unit: each cue 100, ending it mid-clause 100, at a
/// clause end 20, a second line 10, half of the line layout's cost, and 5 for each character a cue
/// that is not a whole sentence falls short of 12.
/// </remarks>
internal static class CueSegmenter
{
    private const double CueCost = 100;
    private const double MidClauseEndCost = 100;
    private const double ClauseEndCost = 20;
    private const double SecondLineCost = 10;
    private const double LineLayoutWeight = 0.5;
    private const int ShortCueCharacters = 12;
    private const double ShortCueCostPerCharacter = 5;

    public static List<CueRange> Segment(CaptionTokens tokens, CaptionRules rules)
    {
        var cues = new List<CueRange>();
        int first = 0;
        for (int i = 0; i < tokens.Count; i++)
        {
            if (tokens.StrengthAfter(i) == BreakStrength.Sentence)
            {
                SegmentSentence(tokens, first, i, rules, cues);
                first = i + 1;
            }
        }

        return cues;
    }

    private static void SegmentSentence(CaptionTokens tokens, int first, int last, CaptionRules rules, List<CueRange> cues)
    {
        int count = last - first + 1;
        var best = new double[count + 1];
        var choices = new CueRange[count + 1];
        Array.Fill(best, double.PositiveInfinity);
        best[0] = 0;

        // A line of two or more tokens holds at most MaxLineCharacters + 1 of them (tokens are at least a character).
        int maxTokens = (2 * rules.MaxLineCharacters) + 2;
        for (int end = 1; end <= count; end++)
        {
            int b = first + end - 1;
            for (int a = b; a >= first && b - a < maxTokens; a--)
            {
                if (a < b && tokens.Tokens[b].End - tokens.Tokens[a].Start > rules.MaxCueSeconds)
                {
                    break;
                }

                LineChoice lines = LineBreaker.Choose(tokens, a, b, rules.MaxLineCharacters);
                if (!lines.Fits || double.IsPositiveInfinity(best[a - first]))
                {
                    continue;
                }

                double cost = best[a - first] + CostOf(tokens, a, b, first, last, lines);
                if (cost < best[end])
                {
                    best[end] = cost;
                    choices[end] = new CueRange(a, b, lines.BreakAfter);
                }
            }
        }

        int start = cues.Count;
        for (int end = count; end > 0; end = choices[end].First - first)
        {
            cues.Insert(start, choices[end]);
        }
    }

    private static double CostOf(CaptionTokens tokens, int a, int b, int sentenceFirst, int sentenceLast, LineChoice lines)
    {
        double cost = CueCost + (LineLayoutWeight * lines.Cost) + (lines.IsTwoLines ? SecondLineCost : 0);
        if (b < sentenceLast)
        {
            cost += tokens.StrengthAfter(b) == BreakStrength.Clause ? ClauseEndCost : MidClauseEndCost;
        }

        if (a > sentenceFirst || b < sentenceLast)
        {
            int width = tokens.Width(a, b);
            if (width < ShortCueCharacters)
            {
                cost += (ShortCueCharacters - width) * ShortCueCostPerCharacter;
            }
        }

        return cost;
    }
}
