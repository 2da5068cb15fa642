using System.Text;
using Orator.Text;

namespace Orator.Cli.Commands.Say.LongForm;

/// <summary>
/// Cuts a text of any length into pieces to plan one at a time, reading it as it goes: a piece
/// ends at the first paragraph break after <see cref="PieceLimits.Target"/> characters, a
/// paragraph longer than <see cref="PieceLimits.Max"/> at the last sentence end the splitter finds
/// in it, and with a <see cref="ChapterRule"/> (<c>--split chapters</c>) a part ends where a
/// chapter starts. Each piece says what break follows it, so the join is spoken as the break the
/// whole text would have had there. Holds at most one piece and one line.
/// </summary>
internal sealed class PieceReader
{
    /// <summary>Longest part title (the first line of a part without a heading is shortened to it).</summary>
    public const int MaxTitle = 60;

    private static readonly SentenceSplitter Splitter = new();
    private readonly BookLines _lines;
    private readonly PieceLimits _limits;
    private readonly ChapterRule? _chapters;
    private readonly StringBuilder _text = new();
    private readonly Queue<TextPiece> _ready = new();
    private bool _eof;
    private bool _blankPending;
    private bool _partHasBody;
    private string? _partTitle;
    private bool _pieceStartsPart = true;
    private long _pieceStart;
    private long _lastEnd;

    /// <summary>Reads the pieces of <paramref name="reader"/>; <paramref name="chapters"/> null keeps the text in one part.</summary>
    public PieceReader(TextReader reader, PieceLimits limits, ChapterRule? chapters)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(limits.MaxLine, limits.Max, nameof(limits));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limits.Target, limits.Max, nameof(limits));
        _lines = new BookLines(reader, limits.MaxLine);
        _limits = limits;
        _chapters = chapters;
    }

    /// <summary>The next piece with something in it besides white space, or null at the end.</summary>
    /// <exception cref="IOException">The input cannot be read.</exception>
    public async ValueTask<TextPiece?> ReadAsync(CancellationToken cancellationToken)
    {
        while (_ready.Count == 0 && !_eof)
        {
            if (await _lines.ReadAsync(cancellationToken) is { } line)
            {
                Add(line);
            }
            else
            {
                _eof = true;
                Flush(ChunkBreak.End);
            }
        }

        return _ready.TryDequeue(out var piece) ? piece : null;
    }

    /// <summary>A title of at most <see cref="MaxTitle"/> characters, cut at a word with an ellipsis.</summary>
    public static string Shorten(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var title = string.Join(' ', line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (title.Length <= MaxTitle)
        {
            return title;
        }

        var space = title.LastIndexOf(' ', MaxTitle - 1);
        return title[..(space > MaxTitle / 2 ? space : MaxTitle - 1)].TrimEnd(',', ';', ':', ' ') + "…";
    }

    private void Add(BookLine line)
    {
        if (line.IsBlank)
        {
            _blankPending = _text.Length > 0;
            _lastEnd = line.End;
            return;
        }

        var startsChapter = _chapters is { } rule && rule.StartsChapter(line);
        if (startsChapter && _partHasBody)
        {
            Flush(ChunkBreak.End);
            _pieceStartsPart = true;
            _partTitle = null;
            _partHasBody = false;
        }
        else if (_blankPending && _text.Length >= _limits.Target)
        {
            Flush(ChunkBreak.Paragraph);
        }

        if (startsChapter)
        {
            // Headings with no text between them (a part, then its first chapter) share one part.
            var title = Shorten(line.Title!);
            _partTitle = _partTitle is null ? title : $"{_partTitle} – {title}";
        }
        else
        {
            _partHasBody = true;
            _partTitle ??= Shorten(line.Title ?? line.Text);
        }

        if (_text.Length > 0)
        {
            if (_blankPending)
            {
                _text.Append("\n\n");
            }
            else if (line.StartsLine)
            {
                _text.Append('\n');
            }
        }

        _text.Append(line.Text);
        _blankPending = false;
        _lastEnd = line.End;
        if (_text.Length > _limits.Max)
        {
            Cut();
        }
    }

    /// <summary>Ends the current piece here, followed by <paramref name="breakAfter"/>.</summary>
    private void Flush(ChunkBreak breakAfter)
    {
        var text = _text.ToString();
        _text.Clear();
        _blankPending = false;
        Enqueue(text, breakAfter, _lastEnd);
    }

    /// <summary>Cuts an over-long paragraph at its last sentence end (else its last chunk break) and keeps the rest.</summary>
    private void Cut()
    {
        var text = _text.ToString();
        var chunks = Splitter.Split(text);
        int cut;
        var breakAfter = ChunkBreak.Forced;
        if (chunks.Count >= 2)
        {
            // The last chunk may go on in the next line: cut before it.
            var at = chunks.Count - 2;
            for (var i = chunks.Count - 2; i >= 0; i--)
            {
                if (chunks[i].Break is ChunkBreak.Sentence or ChunkBreak.Paragraph or ChunkBreak.Line)
                {
                    at = i;
                    break;
                }
            }

            cut = chunks[at + 1].Start;
            breakAfter = chunks[at].Break;
        }
        else
        {
            // Nothing the splitter would speak apart (symbols only): cut where it is full.
            cut = _limits.Max;
        }

        var rest = text[cut..];
        _text.Clear().Append(rest);
        Enqueue(text[..cut].TrimEnd(), breakAfter, Math.Max(_pieceStart, _lastEnd - rest.Length));
    }

    private void Enqueue(string text, ChunkBreak breakAfter, long end)
    {
        if (!string.IsNullOrWhiteSpace(text))
        {
            _ready.Enqueue(new TextPiece(text, breakAfter, _pieceStart, end, _pieceStartsPart ? _partTitle ?? string.Empty : null));
            _pieceStartsPart = false;
        }

        _pieceStart = end;
    }
}
