using Orator.Text.Mapping;

namespace Orator.Text;

/// <summary>
/// Where each part of a prepared text came from in the text it was prepared from, so that word
/// timestamps can point back at what the user wrote. Text copied unchanged maps character for
/// character; a replaced piece (a reading such as <c>$3.50</c> to <c>three dollars and fifty cents</c>,
/// an inline override, a lexicon entry) maps as a whole, any part of it to all of its source. Removed
/// markup and emoji map to nothing, so <c>bold</c> from <c>**bold**</c> maps to <c>bold</c> alone.
/// The map is immutable, total and never throws: every offset is clamped into the text.
/// </summary>
public sealed class TextMap
{
    private readonly MapRun[] _runs;

    internal TextMap(MapRun[] runs, int preparedLength, int sourceLength)
    {
        _runs = runs;
        PreparedLength = preparedLength;
        SourceLength = sourceLength;
    }

    /// <summary>The length of the prepared text this map reads from.</summary>
    public int PreparedLength { get; }

    /// <summary>The length of the source text this map points into.</summary>
    public int SourceLength { get; }

    internal ReadOnlySpan<MapRun> Runs => _runs;

    /// <summary>Whether every character maps to itself.</summary>
    internal bool IsIdentity => PreparedLength == SourceLength
        && (_runs.Length == 0 || (_runs.Length == 1 && _runs[0] is { Copied: true, SourceStart: 0 }));

    /// <summary>A map of a text onto itself, character for character.</summary>
    public static TextMap Identity(int length)
    {
        length = Math.Max(length, 0);
        return new TextMap(length == 0 ? [] : [new MapRun(0, length, 0, length, Copied: true)], length, length);
    }

    /// <summary>
    /// The smallest span of the source that holds every source character that produced any character
    /// of the prepared range; the range is clamped into the prepared text first. An empty range maps to
    /// an empty span where its next character's source starts, or, at the end of the text, where the
    /// last character's source ends.
    /// </summary>
    public TextSpan ToSource(int start, int length)
    {
        start = Math.Clamp(start, 0, PreparedLength);
        length = Math.Clamp(length, 0, PreparedLength - start);
        if (_runs.Length == 0)
        {
            return new TextSpan(0, 0);
        }

        if (length == 0)
        {
            int at = start == PreparedLength ? _runs[^1].SourceEnd : SourceStartAt(_runs[RunIndexAt(start)], start);
            return Clamped(at, at);
        }

        int end = start + length;
        int sourceStart = SourceStartAt(_runs[RunIndexAt(start)], start);
        MapRun last = _runs[RunIndexAt(end - 1)];
        int sourceEnd = last.Copied ? last.SourceStart + (end - last.PreparedStart) : last.SourceEnd;
        return Clamped(sourceStart, sourceEnd);
    }

    /// <summary>The source span of a prepared span; see <see cref="ToSource(int, int)"/>.</summary>
    public TextSpan ToSource(TextSpan prepared) => ToSource(prepared.Start, prepared.Length);

    /// <summary>The index of the run holding <paramref name="offset"/>, which must lie inside the prepared text.</summary>
    internal int RunIndexAt(int offset)
    {
        int low = 0;
        int high = _runs.Length - 1;
        while (low < high)
        {
            int middle = (low + high + 1) >>> 1;
            if (_runs[middle].PreparedStart <= offset)
            {
                low = middle;
            }
            else
            {
                high = middle - 1;
            }
        }

        return low;
    }

    private static int SourceStartAt(MapRun run, int offset) =>
        run.Copied ? run.SourceStart + (offset - run.PreparedStart) : run.SourceStart;

    private TextSpan Clamped(int start, int end)
    {
        start = Math.Clamp(start, 0, SourceLength);
        end = Math.Clamp(end, start, SourceLength);
        return new TextSpan(start, end - start);
    }
}
