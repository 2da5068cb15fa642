using System.Globalization;
using System.Text;
using Orator.Text.Characters;

namespace Orator.Text.Splitting;

/// <summary>
/// Walks the input once, left to right, and returns it as segments ended by natural breaks: sentence
/// terminators, blank lines, and single line breaks that end headings, list items or unpunctuated lines.
/// Each call to <see cref="TryNext"/> scans only as far as the next break, so the first segment is
/// ready without reading the rest.
/// </summary>
internal sealed class SentenceScanner
{
    private const int LongestOpenerRun = 32;
    private const char OpeningGuillemet = '\u00AB';
    private const char ClosingGuillemet = '\u00BB';

    private readonly string _text;
    private int _position;
    private int _lineStart;
    private int _openGuillemets;

    public SentenceScanner(string text)
    {
        _text = text;
    }

    /// <summary>Finds the next segment; false at the end of the input.</summary>
    public bool TryNext(out Segment segment)
    {
        string text = _text;
        int n = text.Length;
        int start = Spaces.SkipRun(text, _position, n, out int leadingBreaks);
        if (leadingBreaks > 0 || _position == 0)
        {
            _lineStart = start;
        }

        if (start >= n)
        {
            _position = n;
            segment = default;
            return false;
        }

        int i = start;
        while (i < n)
        {
            if (Spaces.IsBreakable(text, i))
            {
                int runEnd = Spaces.SkipRun(text, i, n, out int lineBreaks);
                if (runEnd >= n)
                {
                    return Emit(start, i, n, ChunkBreak.End, out segment);
                }

                if (lineBreaks >= 2)
                {
                    _lineStart = runEnd;
                    return Emit(start, i, runEnd, ChunkBreak.Paragraph, out segment);
                }

                if (lineBreaks == 1)
                {
                    bool endsLine = IsLineBreakBoundary(i, runEnd);
                    _lineStart = runEnd;
                    if (endsLine)
                    {
                        return Emit(start, i, runEnd, ChunkBreak.Line, out segment);
                    }
                }

                i = runEnd;
                continue;
            }

            char c = text[i];
            if (c == OpeningGuillemet && (i == 0 || char.IsWhiteSpace(text[i - 1]) || Punctuation.IsOpener(text[i - 1]))
                && i + 1 < n && char.IsWhiteSpace(text[i + 1]))
            {
                _openGuillemets++; // French style, « with a space inside; German »...« has none
            }
            else if (c == ClosingGuillemet && i > 0 && char.IsWhiteSpace(text[i - 1]) && _openGuillemets > 0)
            {
                _openGuillemets--;
            }

            if (Punctuation.IsTerminatorAt(text, i))
            {
                if (TryTerminator(i, out int end, out int next, out ChunkBreak kind, out int resume))
                {
                    return Emit(start, end, next, kind, out segment);
                }

                i = resume;
                continue;
            }

            i++;
        }

        return Emit(start, n, n, ChunkBreak.End, out segment);
    }

    private bool Emit(int start, int end, int next, ChunkBreak kind, out Segment segment)
    {
        segment = new Segment(start, end, kind);
        _position = next;
        return true;
    }

    /// <summary>
    /// Resolves the run of terminators starting at <paramref name="first"/>: a sentence ends after it (and
    /// after closing quotes, brackets and trailing emoji) or the scan resumes at <paramref name="resume"/>.
    /// </summary>
    private bool TryTerminator(int first, out int end, out int next, out ChunkBreak kind, out int resume)
    {
        string text = _text;
        int n = text.Length;
        int runEnd = first;
        bool strong = false;
        while (runEnd < n && Punctuation.IsTerminatorAt(text, runEnd))
        {
            strong |= Punctuation.IsStrongTerminator(text[runEnd]);
            runEnd++;
        }

        bool singlePeriod = runEnd == first + 1 && text[first] == '.';
        int p = runEnd;
        while (p < n && Punctuation.IsCloser(text[p], initialQuotes: !strong))
        {
            p++;
        }

        bool closed = p > runEnd;
        bool closedGuillemet = false;
        if (_openGuillemets > 0 && TrySpacedGuillemet(p, out int afterGuillemet))
        {
            p = afterGuillemet;
            closed = true;
            closedGuillemet = true;
        }

        p = AbsorbEmoji(p);
        (end, next, kind, resume) = (p, p, ChunkBreak.Sentence, runEnd);

        if (p < n && !Spaces.IsBreakable(text, p))
        {
            // Only scripts written without spaces end a sentence with no space after it; not when a
            // closing quote is followed by more of the same sentence (“走吧！”他说。 「行こう。」と言った).
            if (!strong || (closed && char.IsLetterOrDigit(text[p])) || !Graphemes.IsValidSplit(text, p))
            {
                return false;
            }

            return Accept(closedGuillemet);
        }

        int following = Spaces.SkipRun(text, p, n, out int lineBreaks);
        if (following >= n)
        {
            return false; // the input's end closes the segment
        }

        next = following;
        if (lineBreaks >= 2)
        {
            kind = ChunkBreak.Paragraph;
            _lineStart = following;
            return Accept(closedGuillemet);
        }

        if (!strong && !StartsSentence(first, singlePeriod, following))
        {
            return false;
        }

        if (lineBreaks == 1)
        {
            kind = IsListLine(following) ? ChunkBreak.Line : ChunkBreak.Sentence;
            _lineStart = following;
        }

        return Accept(closedGuillemet);
    }

    private bool Accept(bool closedGuillemet)
    {
        if (closedGuillemet)
        {
            _openGuillemets--;
        }

        return true;
    }

    /// <summary>French closes a quote with a space before »: « Quoi ? » dit-il.</summary>
    private bool TrySpacedGuillemet(int index, out int after)
    {
        string text = _text;
        int k = index;
        while (k < text.Length && k - index < 2 && Spaces.IsInline(text, k))
        {
            k++;
        }

        after = k + 1;
        if (k == index || k >= text.Length || text[k] != ClosingGuillemet)
        {
            return false;
        }

        while (after < text.Length && Punctuation.IsCloser(text[after]))
        {
            after++;
        }

        return true;
    }

    /// <summary>Emoji right after a sentence ("Done! 🎉 See you.") belong to it, not to the next one.</summary>
    private int AbsorbEmoji(int index)
    {
        string text = _text;
        int n = text.Length;
        int k = index;
        while (k < n && k - index < 2 && Spaces.IsInline(text, k))
        {
            k++;
        }

        if (k >= n || !Graphemes.IsEmojiAt(text, k))
        {
            return index;
        }

        while (k < n && Graphemes.IsEmojiAt(text, k))
        {
            k = Graphemes.NextBoundary(text, k, n);
        }

        return k >= n || Spaces.IsBreakable(text, k) ? k : index;
    }

    /// <summary>Whether the text at <paramref name="index"/> (after white space) looks like the start of a new sentence.</summary>
    private bool StartsSentence(int terminator, bool singlePeriod, int index)
    {
        string text = _text;
        int w = index;
        while (w < text.Length && w - index < LongestOpenerRun && Punctuation.IsOpener(text[w]))
        {
            w++;
        }

        if (w >= text.Length)
        {
            return true;
        }

        Rune.DecodeFromUtf16(text.AsSpan(w), out Rune rune, out _);
        if (Rune.IsLower(rune) || Punctuation.IsContinuation(text, w))
        {
            return false; // "wait... what", "“Stop!” he said", "Hello . . . world"
        }

        return !singlePeriod || PeriodRule.EndsSentence(text, terminator, w);
    }

    /// <summary>
    /// The rule for a single line break that is not after a sentence end: it ends a line (a pause) when
    /// the next line is a list item or heading, or when the next line does not start in lower case and
    /// this line is a list item or heading, or ends without punctuation before a capital letter.
    /// Otherwise the line break is a soft wrap and reads as a space.
    /// </summary>
    private bool IsLineBreakBoundary(int spaceStart, int nextLine)
    {
        string text = _text;
        if (ListMarkers.IsAt(text, nextLine))
        {
            return true;
        }

        Rune.DecodeFromUtf16(text.AsSpan(nextLine), out Rune rune, out _);
        if (Rune.IsLower(rune))
        {
            return false;
        }

        if (ListMarkers.IsAt(text, _lineStart))
        {
            return true;
        }

        return !EndsWithPunctuation(spaceStart)
            && (Rune.IsUpper(rune) || Rune.GetUnicodeCategory(rune) == UnicodeCategory.TitlecaseLetter);
    }

    /// <summary>Whether the line ending at <paramref name="end"/> ends with punctuation, Markdown emphasis aside ("**Title**").</summary>
    private bool EndsWithPunctuation(int end)
    {
        int last = end - 1;
        while (last > _lineStart && _text[last] is '*' or '_' or '`' or '~')
        {
            last--;
        }

        return char.IsPunctuation(_text[last]);
    }

    private bool IsListLine(int nextLine) => ListMarkers.IsAt(_text, nextLine) || ListMarkers.IsAt(_text, _lineStart);
}
