using System.Text;

namespace Orator.Cli.Commands.Say.LongForm;

/// <summary>
/// Reads a text line by line (<c>\n</c>, <c>\r\n</c> or <c>\r</c>) without ever holding more than
/// <see cref="MaxLine"/> characters of one line: a longer line (a book with no line breaks) comes
/// in fragments. So however the input is laid out, reading it takes bounded memory.
/// </summary>
internal sealed class BoundedLineReader
{
    private readonly TextReader _reader;
    private readonly char[] _buffer = new char[8192];
    private readonly StringBuilder _line = new();
    private int _start;
    private int _end;
    private bool _eof;
    private long _consumed;

    /// <summary>Reads <paramref name="reader"/> in lines of at most <paramref name="maxLine"/> characters.</summary>
    public BoundedLineReader(TextReader reader, int maxLine)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLine, 1);
        _reader = reader;
        MaxLine = maxLine;
    }

    /// <summary>The longest line or fragment returned.</summary>
    public int MaxLine { get; }

    /// <summary>The next line or fragment, or null at the end of the input.</summary>
    public async ValueTask<LineRead?> ReadAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            if (_start == _end && !await FillAsync(cancellationToken))
            {
                if (_line.Length == 0)
                {
                    return null;
                }

                return Take(endsLine: true);
            }

            var available = _buffer.AsSpan(_start, _end - _start);
            var room = MaxLine - _line.Length;
            var lineBreak = available.IndexOfAny('\n', '\r');
            if (lineBreak >= 0 && lineBreak <= room)
            {
                _line.Append(available[..lineBreak]);
                var carriageReturn = available[lineBreak] == '\r';
                _start += lineBreak + 1;
                _consumed += lineBreak + 1;
                if (carriageReturn && (_start < _end || await FillAsync(cancellationToken)) && _buffer[_start] == '\n')
                {
                    // \r\n is one line break, even across two reads.
                    _start++;
                    _consumed++;
                }

                return Take(endsLine: true);
            }

            if (room == 0)
            {
                // Full, and the line goes on: a fragment.
                return Take(endsLine: false);
            }

            var take = Math.Min(available.Length, room);
            _line.Append(available[..take]);
            _start += take;
            _consumed += take;
        }
    }

    private LineRead Take(bool endsLine)
    {
        var text = _line.ToString();
        _line.Clear();
        return new LineRead(text, endsLine, _consumed);
    }

    private async ValueTask<bool> FillAsync(CancellationToken cancellationToken)
    {
        if (_eof)
        {
            return false;
        }

        _start = 0;
        _end = await _reader.ReadAsync(_buffer.AsMemory(), cancellationToken);
        _eof = _end == 0;
        return !_eof;
    }
}
