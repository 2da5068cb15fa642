using Orator.Core.Audio;
using Orator.Engines.Native;

namespace Orator.Engines.Words;

/// <summary>
/// Turns what an engine says it spoke (a piece of text and where in the audio) into one
/// <see cref="WordTiming"/> per <see cref="WordToken"/>: pieces of one token (flite's "forty two"
/// for <c>42</c>, the halves of a hyphenated word) merge into one entry from the start of the
/// first to the end of the last, and times never go backwards. Segment numbers are left at 0:
/// a native engine speaks one segment per call, and its caller knows which.
/// </summary>
internal sealed class WordTimingBuilder(WordToken[] words, NativeWordCallback emit, bool approximate = false)
{
    private int _word = -1;
    private long _start;
    private long _end = -1;
    private int _searchFrom;
    private long _lastStart;
    private long _lastEnd;

    /// <summary>True while a word has begun and is not yet reported.</summary>
    public bool HasPending => _word >= 0;

    /// <summary>Start sample of the pending word.</summary>
    public long PendingStart => _start;

    /// <summary>End sample known so far for the pending word; -1 when none.</summary>
    public long PendingEnd => _end;

    /// <summary>The word a piece of text (UTF-16 range of the segment's text) belongs to, or -1.</summary>
    public int Map(int textStart, int textEnd)
        => WordTokens.Find(words, textStart, textEnd, _word >= 0 ? _word : _searchFrom);

    /// <summary>True when <paramref name="word"/> is the pending word (a further piece of it).</summary>
    public bool IsPending(int word) => word == _word;

    /// <summary>Starts word <paramref name="word"/> at <paramref name="start"/>, its end not yet known unless given.</summary>
    public void Begin(int word, long start, long end = -1)
    {
        _word = word;
        _start = Math.Max(start, _lastStart);
        _end = end;
    }

    /// <summary>Moves the pending word's known end out to <paramref name="end"/>.</summary>
    public void Extend(long end) => _end = Math.Max(_end, end);

    /// <summary>Reports the pending word, ending at <paramref name="end"/> (never before its start).</summary>
    public void Finish(long end)
    {
        if (_word < 0)
        {
            return;
        }

        var token = words[_word];
        var finalEnd = Math.Max(Math.Max(end, _start), _lastEnd);
        _lastStart = _start;
        _lastEnd = finalEnd;
        _searchFrom = _word + 1;
        _word = -1;
        _end = -1;
        emit(new WordTiming(0, token.Offset, token.Length, _lastStart, finalEnd, approximate));
    }
}
