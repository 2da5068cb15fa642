using Orator.Text.Characters;
using Orator.Text.Lexicon;

namespace Orator.Text.Splitting;

/// <summary>
/// Cuts a segment that is longer than the chunk limit. In order of preference: after the last clause
/// mark that leaves both pieces at least the minimum length; before a conjunction in the second half
/// of the window; at the last word boundary; after an early clause mark; between grapheme clusters.
/// Each call looks at no more than the window, so cutting a whole input is linear.
/// </summary>
internal sealed class SegmentCutter
{
    private readonly string _text;
    private readonly int _minimum;

    public SegmentCutter(string text, int minimumLength)
    {
        _text = text;
        _minimum = minimumLength;
    }

    /// <summary>
    /// Where to cut [<paramref name="start"/>, <paramref name="end"/>) so the left piece is at most
    /// <paramref name="limit"/> long (longer only for a single grapheme cluster over the limit). A cut
    /// with <see cref="Cut.RightStart"/> at <paramref name="end"/> means the segment cannot be cut.
    /// </summary>
    public Cut Find(int start, int end, int limit)
    {
        int windowEnd = Math.Min(start + limit, end);
        if (TryClause(start, end, windowEnd, out Cut cut, out Cut early))
        {
            return cut;
        }

        if (TryWordBoundary(start, end, windowEnd, limit, out cut))
        {
            return cut;
        }

        return early.LeftEnd > start ? early : ByGrapheme(start, end, limit);
    }

    private bool TryClause(int start, int end, int windowEnd, out Cut cut, out Cut early)
    {
        string text = _text;
        cut = default;
        early = default;
        Cut late = default;
        for (int j = windowEnd - 1; j >= start; j--)
        {
            ClauseMark mark = Punctuation.ClauseMarkAt(text, j);
            if (mark == ClauseMark.None)
            {
                continue;
            }

            int x = j + 1;
            while (x < end && Punctuation.IsCloser(text[x]))
            {
                x++;
            }

            if (x > windowEnd || x >= end)
            {
                continue;
            }

            bool space = Spaces.IsBreakable(text, x);
            if (mark == ClauseMark.Anywhere ? !space && !Graphemes.IsValidSplit(text, x) : !space)
            {
                continue;
            }

            int right = Spaces.Skip(text, x, end);
            if (right >= end || Punctuation.IsContinuation(text, right)
                || (mark == ClauseMark.Period && !IsLowerCaseSentenceEnd(j, x, right)))
            {
                continue;
            }

            var candidate = new Cut(x, right, ChunkBreak.Clause);
            if (x - start >= _minimum)
            {
                if (end - right >= _minimum)
                {
                    cut = candidate;
                    return true;
                }

                if (late.LeftEnd == 0)
                {
                    late = candidate;
                }
            }
            else if (early.LeftEnd == 0)
            {
                early = candidate;
            }
        }

        cut = late;
        return late.LeftEnd > 0;
    }

    /// <summary>
    /// A period the scanner passed over only because a lower-case word follows it ("ok. see you"). Before
    /// anything else the scanner already applied <see cref="PeriodRule"/>, so only lower case is checked.
    /// </summary>
    private bool IsLowerCaseSentenceEnd(int period, int after, int next) =>
        after == period + 1 && char.IsLower(_text[next]) && PeriodRule.EndsSentence(_text, period, next);

    private bool TryWordBoundary(int start, int end, int windowEnd, int limit, out Cut cut)
    {
        string text = _text;
        int secondHalf = start + (limit / 2);
        Cut any = default;
        Cut balanced = default;
        for (int j = windowEnd; j > start; j--)
        {
            int right;
            if (Spaces.IsBreakable(text, j) && !Spaces.IsBreakable(text, j - 1) && !Spaces.IsNoBreak(text[j]))
            {
                right = Spaces.Skip(text, j, end);
            }
            else if (text[j - 1] == '\u1361' && !Spaces.IsBreakable(text, j) && Graphemes.IsValidSplit(text, j))
            {
                right = j; // Ethiopic word space
            }
            else
            {
                continue;
            }

            if (right >= end || Punctuation.IsContinuation(text, right))
            {
                continue;
            }

            var candidate = new Cut(j, right, ChunkBreak.Forced);
            bool roomLeft = end - right >= _minimum;
            if (roomLeft && j > secondHalf && Conjunctions.StartsAt(text, right))
            {
                cut = candidate;
                return true;
            }

            if (roomLeft && balanced.LeftEnd == 0)
            {
                balanced = candidate;
            }

            if (any.LeftEnd == 0)
            {
                any = candidate;
            }
        }

        cut = balanced.LeftEnd > 0 ? balanced : any;
        return cut.LeftEnd > 0;
    }

    private Cut ByGrapheme(int start, int end, int limit)
    {
        int target = Math.Min(limit, end - _minimum - start);
        int at = target > 0 ? LastBoundary(start, end, start + target, strict: true) : -1;
        if (at < 0)
        {
            at = LastBoundary(start, end, start + limit, strict: true);
        }

        if (at < 0)
        {
            // No boundary passes the extra rules (a run of virama conjuncts, joiners): any cluster boundary
            // not before an extending character.
            at = LastBoundary(start, end, start + limit, strict: false);
        }

        if (at < 0)
        {
            at = FirstBoundary(start, end); // a single cluster longer than the limit stays whole
        }

        return new Cut(Spaces.TrimEnd(_text, start, at), Spaces.Skip(_text, at, end), ChunkBreak.Forced);
    }

    private int LastBoundary(int start, int end, int max, bool strict)
    {
        int last = -1;
        int position = start;
        while (position < end)
        {
            int next = Graphemes.NextBoundary(_text, position, end);
            if (next > max)
            {
                break;
            }

            if (next < end && (strict ? Graphemes.IsValidSplit(_text, next) : !Graphemes.IsExtending(_text, next)))
            {
                last = next;
            }

            position = next;
        }

        return last;
    }

    private int FirstBoundary(int start, int end)
    {
        int position = Graphemes.NextBoundary(_text, start, end);
        while (position < end && Graphemes.IsExtending(_text, position))
        {
            position = Graphemes.NextBoundary(_text, position, end);
        }

        return position;
    }
}
