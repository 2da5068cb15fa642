namespace Orator.Text.Mapping;

/// <summary>
/// Builds a <see cref="TextMap"/> while the prepared text is written, left to right: each call says
/// where the next prepared characters came from. Neighbouring runs that continue each other are merged,
/// so unchanged text costs one run however many tokens it holds.
/// </summary>
internal sealed class TextMapBuilder
{
    private readonly List<MapRun> _runs;

    public TextMapBuilder(int capacity = 4)
    {
        _runs = new List<MapRun>(capacity);
    }

    /// <summary>How many prepared characters have been mapped so far.</summary>
    public int Length { get; private set; }

    /// <summary>The next <paramref name="length"/> prepared characters are the source's from <paramref name="sourceStart"/>, unchanged.</summary>
    public void Copy(int sourceStart, int length)
    {
        if (length <= 0)
        {
            return;
        }

        if (_runs.Count > 0 && _runs[^1] is { Copied: true } last && last.SourceEnd == sourceStart)
        {
            _runs[^1] = last with { PreparedLength = last.PreparedLength + length, SourceLength = last.SourceLength + length };
        }
        else
        {
            _runs.Add(new MapRun(Length, length, sourceStart, length, Copied: true));
        }

        Length += length;
    }

    /// <summary>The next <paramref name="preparedLength"/> prepared characters stand, as a whole, for the given source span.</summary>
    public void Replace(int sourceStart, int sourceLength, int preparedLength)
    {
        if (preparedLength <= 0)
        {
            return;
        }

        if (_runs.Count > 0 && _runs[^1] is { Copied: false } last && last.SourceStart == sourceStart && last.SourceLength == sourceLength)
        {
            _runs[^1] = last with { PreparedLength = last.PreparedLength + preparedLength };
        }
        else
        {
            _runs.Add(new MapRun(Length, preparedLength, sourceStart, Math.Max(sourceLength, 0), Copied: false));
        }

        Length += preparedLength;
    }

    /// <summary>Appends a map of a piece whose source starts at <paramref name="sourceOffset"/> in this map's source.</summary>
    public void Append(TextMap piece, int sourceOffset)
    {
        foreach (MapRun run in piece.Runs)
        {
            if (run.Copied)
            {
                Copy(run.SourceStart + sourceOffset, run.PreparedLength);
            }
            else
            {
                Replace(run.SourceStart + sourceOffset, run.SourceLength, run.PreparedLength);
            }
        }
    }

    public TextMap Build(int sourceLength) => new([.. _runs], Length, sourceLength);

    /// <summary>
    /// The map of two stages in a row: <paramref name="outer"/> maps the final text to a middle text,
    /// <paramref name="inner"/> maps that middle text to the source. Both are walked once, forwards.
    /// </summary>
    public static TextMap Compose(TextMap outer, TextMap inner)
    {
        if (inner.IsIdentity)
        {
            return outer;
        }

        ReadOnlySpan<MapRun> innerRuns = inner.Runs;
        if (innerRuns.Length == 0)
        {
            // The middle text is empty: whatever the outer stage made of nothing maps to the source's start.
            var empty = new TextMapBuilder();
            empty.Replace(0, 0, outer.PreparedLength);
            return empty.Build(inner.SourceLength);
        }

        var builder = new TextMapBuilder(outer.Runs.Length + innerRuns.Length);
        int cursor = 0;
        foreach (MapRun run in outer.Runs)
        {
            int middleStart = Math.Clamp(run.SourceStart, 0, inner.PreparedLength);
            int middleEnd = Math.Clamp(run.SourceEnd, middleStart, inner.PreparedLength);
            while (cursor < innerRuns.Length - 1 && innerRuns[cursor].PreparedEnd <= middleStart)
            {
                cursor++;
            }

            if (!run.Copied || middleEnd - middleStart != run.PreparedLength)
            {
                TextSpan source = inner.ToSource(middleStart, middleEnd - middleStart);
                builder.Replace(source.Start, source.Length, run.PreparedLength);
                continue;
            }

            // A copied run passes through whatever the inner stage did to those characters.
            int at = middleStart;
            int walk = cursor;
            while (at < middleEnd)
            {
                MapRun under = innerRuns[walk];
                int end = Math.Min(middleEnd, under.PreparedEnd);
                if (under.Copied)
                {
                    builder.Copy(under.SourceStart + (at - under.PreparedStart), end - at);
                }
                else
                {
                    builder.Replace(under.SourceStart, under.SourceLength, end - at);
                }

                at = end;
                if (at < middleEnd)
                {
                    walk++;
                }
            }
        }

        return builder.Build(inner.SourceLength);
    }
}
