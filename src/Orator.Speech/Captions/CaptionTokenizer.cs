using Orator.Text;

namespace Orator.Speech.Captions;

/// <summary>
/// Turns the input text and its timed words into <see cref="CaptionTokens"/>: groups words that touch,
/// finds sentence ends (with Orator's own sentence rule, so captions and speech agree on them) and
/// clause ends, and splits the punctuation between words into what ends and what starts a line.
/// </summary>
internal static class CaptionTokenizer
{
    public static CaptionTokens Tokenize(string text, IReadOnlyList<SpokenWord> words)
    {
        Validate(text, words);
        int[] sentenceEnds = SentenceEnds(text, words);
        var tokens = new List<CaptionToken>();
        var boundaries = new List<TokenBoundary>();
        int first = 0;
        for (int i = 0; i < words.Count; i++)
        {
            bool last = i == words.Count - 1;
            if (!last && sentenceEnds[i] < 0 && AreJoined(text, words[i], words[i + 1]))
            {
                continue;
            }

            tokens.Add(Token(text, words[first], words[i]));
            if (!last)
            {
                boundaries.Add(Boundary(text, words[i], words[i + 1], sentenceEnds[i]));
            }

            first = i + 1;
        }

        return new CaptionTokens([.. tokens], [.. boundaries], Lead(text, words[0].Offset), Trail(text, End(words[^1])));
    }

    private static void Validate(string text, IReadOnlyList<SpokenWord> words)
    {
        int previousEnd = 0;
        for (int i = 0; i < words.Count; i++)
        {
            SpokenWord word = words[i];
            if (word.Offset < previousEnd || word.Length < 0 || word.Length > text.Length - word.Offset)
            {
                throw new ArgumentException(
                    $"Word {i} (offset {word.Offset}, length {word.Length}) is outside the {text.Length}-character text or before the word ahead of it.",
                    nameof(words));
            }

            if (!double.IsFinite(word.Start) || !double.IsFinite(word.End))
            {
                throw new ArgumentException($"Word {i} has a time that is not a finite number.", nameof(words));
            }

            previousEnd = End(word);
        }
    }

    private static int End(SpokenWord word) => word.Offset + word.Length;

    /// <summary>
    /// For each word, where the sentence (or paragraph, or heading line) that ends between it and the
    /// next one ends, closing quotes and brackets included; -1 where none does.
    /// </summary>
    private static int[] SentenceEnds(string text, IReadOnlyList<SpokenWord> words)
    {
        // One chunk per sentence: no length limit, no merging, nothing dropped.
        var splitter = new SentenceSplitter(new SplitterOptions
        {
            MaxChunkCharacters = text.Length + 1,
            FirstChunkMaxCharacters = text.Length + 1,
            MinChunkCharacters = 0,
            DropChunksWithoutLettersOrDigits = false,
        });
        var ends = new int[words.Count];
        Array.Fill(ends, -1);
        int word = 0;
        foreach (TextChunk chunk in splitter.Enumerate(text))
        {
            if (chunk.Break is not (ChunkBreak.Sentence or ChunkBreak.Paragraph or ChunkBreak.Line))
            {
                continue;
            }

            // The sentence ends after word i when its end falls after the word's start and by the next word's start.
            while (word + 1 < words.Count && words[word + 1].Offset < chunk.End)
            {
                word++;
            }

            if (word + 1 < words.Count && words[word].Offset < chunk.End)
            {
                ends[word] = chunk.End;
            }
        }

        return ends;
    }

    /// <summary>Whether two words touch with nothing to break at between them (<c>well-known</c>, <c>3.5</c>).</summary>
    private static bool AreJoined(string text, SpokenWord left, SpokenWord right)
    {
        ReadOnlySpan<char> gap = text.AsSpan(End(left), right.Offset - End(left));
        if (gap.IsEmpty)
        {
            // Words of scripts without spaces touch as a matter of course; others only when one word was said in parts.
            return left.Length > 0 && right.Length > 0
                && !CaptionCharacters.IsSpacelessScript(text[End(left) - 1]) && !CaptionCharacters.IsSpacelessScript(text[right.Offset]);
        }

        foreach (char c in gap)
        {
            if (CaptionCharacters.IsBreakableSpace(c) || CaptionCharacters.SeparatesWithoutSpace(c))
            {
                return false;
            }
        }

        return true;
    }

    private static CaptionToken Token(string text, SpokenWord first, SpokenWord last)
    {
        string tokenText = CaptionCharacters.Collapse(text.AsSpan(first.Offset, End(last) - first.Offset));
        return new CaptionToken(tokenText, CaptionCharacters.Width(tokenText), first.Start, last.End, first.Offset, End(last));
    }

    private static TokenBoundary Boundary(string text, SpokenWord left, SpokenWord right, int sentenceEnd)
    {
        int start = End(left);
        ReadOnlySpan<char> gap = text.AsSpan(start, right.Offset - start);
        BreakStrength strength = sentenceEnd >= 0 ? BreakStrength.Sentence
            : IsClauseEnd(text, left, gap) ? BreakStrength.Clause
            : BreakStrength.Word;

        // At a sentence end the sentence rule knows which quotes close it and what opens the next ("." / "— Did").
        int split = sentenceEnd >= 0 ? Math.Clamp(sentenceEnd - start, 0, gap.Length) : SplitPoint(gap);
        return new TokenBoundary(
            strength,
            CaptionCharacters.Collapse(gap),
            CaptionCharacters.Collapse(gap[..split]).TrimEnd(),
            CaptionCharacters.Collapse(gap[split..]).TrimStart());
    }

    private static bool IsClauseEnd(string text, SpokenWord left, ReadOnlySpan<char> gap)
    {
        // The word's own span may hold its punctuation ("well,"): look at that too.
        int tail = End(left);
        while (tail > left.Offset && char.IsPunctuation(text[tail - 1]))
        {
            tail--;
        }

        foreach (char c in text.AsSpan(tail, End(left) - tail))
        {
            if (CaptionCharacters.IsClauseMark(c))
            {
                return true;
            }
        }

        foreach (char c in gap)
        {
            if (CaptionCharacters.IsClauseMark(c) || CaptionCharacters.IsLineBreak(c))
            {
                return true;
            }
        }

        // A spaced hyphen or a double hyphen used as a dash: " - ", "--".
        return gap.Contains(" -", StringComparison.Ordinal) || gap.Contains("--", StringComparison.Ordinal);
    }

    /// <summary>
    /// Where the gap between two words splits when a line or cue breaks there: punctuation attached to
    /// the word before, and detached marks, end the earlier line ("word," / "word —"); opening quotes and
    /// brackets start the next one ("(" / "«"), as does a quote attached to the next word.
    /// </summary>
    private static int SplitPoint(ReadOnlySpan<char> gap)
    {
        int split = gap.Length;
        if (!HasBreakableSpace(gap))
        {
            // One run touching both words ("。「", "—"): the trailing opening brackets go with the next word.
            while (split > 0 && CaptionCharacters.IsOpener(gap[split - 1]))
            {
                split--;
            }

            return split;
        }

        // Walk the space-separated pieces from the last; each that opens moves the split before it.
        int end = gap.Length;
        while (end > 0)
        {
            int pieceEnd = end;
            while (pieceEnd > 0 && CaptionCharacters.IsBreakableSpace(gap[pieceEnd - 1]))
            {
                pieceEnd--;
            }

            int pieceStart = pieceEnd;
            while (pieceStart > 0 && !CaptionCharacters.IsBreakableSpace(gap[pieceStart - 1]))
            {
                pieceStart--;
            }

            if (pieceStart == pieceEnd || pieceStart == 0)
            {
                break; // only white space left, or the piece attached to the word before: it stays there
            }

            ReadOnlySpan<char> piece = gap[pieceStart..pieceEnd];
            bool attachedToNext = pieceEnd == gap.Length;
            bool opens = attachedToNext
                ? CaptionCharacters.IsOpener(piece[0]) || piece[0] is '"' or '\'' or '\u00AB' or '\u201E' or '\u201A'
                : IsAllOpeners(piece);
            if (!opens)
            {
                break;
            }

            split = pieceStart;
            end = pieceStart;
        }

        return split;
    }

    private static bool HasBreakableSpace(ReadOnlySpan<char> gap)
    {
        foreach (char c in gap)
        {
            if (CaptionCharacters.IsBreakableSpace(c))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsAllOpeners(ReadOnlySpan<char> piece)
    {
        foreach (char c in piece)
        {
            if (!CaptionCharacters.IsOpener(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The punctuation-only pieces just before the first word ("“", "— "), white space collapsed.</summary>
    private static string Lead(string text, int firstWord)
    {
        int start = firstWord;
        int cursor = firstWord;
        while (cursor > 0)
        {
            int pieceEnd = cursor;
            while (pieceEnd > 0 && CaptionCharacters.IsBreakableSpace(text[pieceEnd - 1]))
            {
                pieceEnd--;
            }

            int pieceStart = pieceEnd;
            while (pieceStart > 0 && !CaptionCharacters.IsBreakableSpace(text[pieceStart - 1]))
            {
                pieceStart--;
            }

            if (pieceStart == pieceEnd || CaptionCharacters.HasLetterOrDigit(text.AsSpan(pieceStart, pieceEnd - pieceStart)))
            {
                break;
            }

            start = pieceStart;
            cursor = pieceStart;
        }

        return CaptionCharacters.Collapse(text.AsSpan(start, firstWord - start)).TrimStart();
    }

    /// <summary>The punctuation-only pieces just after the last word (".", "?»"), white space collapsed.</summary>
    private static string Trail(string text, int lastWordEnd)
    {
        int end = lastWordEnd;
        int cursor = lastWordEnd;
        while (cursor < text.Length)
        {
            int pieceStart = cursor;
            while (pieceStart < text.Length && CaptionCharacters.IsBreakableSpace(text[pieceStart]))
            {
                pieceStart++;
            }

            int pieceEnd = pieceStart;
            while (pieceEnd < text.Length && !CaptionCharacters.IsBreakableSpace(text[pieceEnd]))
            {
                pieceEnd++;
            }

            if (pieceStart == pieceEnd || CaptionCharacters.HasLetterOrDigit(text.AsSpan(pieceStart, pieceEnd - pieceStart)))
            {
                break;
            }

            end = pieceEnd;
            cursor = pieceEnd;
        }

        return CaptionCharacters.Collapse(text.AsSpan(lastWordEnd, end - lastWordEnd)).TrimEnd();
    }
}
