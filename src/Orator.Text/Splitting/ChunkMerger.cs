using System.Buffers;
using System.Text;

namespace Orator.Text.Splitting;

/// <summary>
/// Turns pieces into chunks, holding one back: a piece shorter than the minimum is merged with the one
/// after it (or, at the end, with the one before it) across a plain sentence break; pieces without a
/// letter or digit are dropped, handing their break on to the chunk before them.
/// </summary>
internal sealed class ChunkMerger
{
    private readonly string _text;
    private readonly SplitterOptions _options;
    private int _pendingStart = -1;
    private int _pendingEnd;
    private ChunkBreak _pendingBreak;
    private int _emitted;

    public ChunkMerger(string text, SplitterOptions options)
    {
        _text = text;
        _options = options;
    }

    /// <summary>Whether [<paramref name="start"/>, <paramref name="end"/>) holds a letter or a number, i.e. anything to say.</summary>
    public static bool IsSpeakable(string text, int start, int end)
    {
        ReadOnlySpan<char> span = text.AsSpan(start, end - start);
        while (!span.IsEmpty)
        {
            if (Rune.DecodeFromUtf16(span, out Rune rune, out int consumed) == OperationStatus.Done
                && (Rune.IsLetter(rune) || Rune.IsNumber(rune)))
            {
                return true;
            }

            span = span[consumed..];
        }

        return false;
    }

    /// <summary>Adds the next piece; true when that completes the chunk before it.</summary>
    public bool Offer(int start, int end, ChunkBreak kind, bool speakable, out TextChunk ready)
    {
        ready = default;
        if (!speakable && _options.DropChunksWithoutLettersOrDigits)
        {
            if (_pendingStart >= 0 && kind != ChunkBreak.End && Strength(kind) > Strength(_pendingBreak))
            {
                _pendingBreak = kind;
            }

            return false;
        }

        if (_pendingStart >= 0 && CanMerge(start, end, kind))
        {
            _pendingEnd = end;
            _pendingBreak = kind;
            return false;
        }

        bool completed = Complete(_pendingBreak, out ready);
        (_pendingStart, _pendingEnd, _pendingBreak) = (start, end, kind);
        return completed;
    }

    /// <summary>Completes the held chunk, if any, as the last one.</summary>
    public bool Flush(out TextChunk ready) => Complete(ChunkBreak.End, out ready);

    private bool Complete(ChunkBreak lastBreak, out TextChunk ready)
    {
        if (_pendingStart < 0)
        {
            ready = default;
            return false;
        }

        int length = _pendingEnd - _pendingStart;
        ready = new TextChunk(_text.Substring(_pendingStart, length), _pendingStart, length, lastBreak);
        _pendingStart = -1;
        _emitted++;
        return true;
    }

    private bool CanMerge(int start, int end, ChunkBreak kind)
    {
        int minimum = _options.MinChunkCharacters;
        if (minimum <= 0 || _pendingBreak != ChunkBreak.Sentence)
        {
            return false;
        }

        int limit = _emitted == 0 ? _options.FirstChunkMaxCharacters : _options.MaxChunkCharacters;
        return end - _pendingStart <= limit
            && (_pendingEnd - _pendingStart < minimum || (kind == ChunkBreak.End && end - start < minimum));
    }

    private static int Strength(ChunkBreak kind) => kind switch
    {
        ChunkBreak.Paragraph => 4,
        ChunkBreak.Line => 3,
        ChunkBreak.Sentence => 2,
        ChunkBreak.Clause => 1,
        _ => 0,
    };
}
