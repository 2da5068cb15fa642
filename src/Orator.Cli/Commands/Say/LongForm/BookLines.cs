namespace Orator.Cli.Commands.Say.LongForm;

/// <summary>
/// The lines of a book with its headings recognised (<see cref="HeadingLine"/>): Markdown headings
/// wherever they are, chapter lines only when they stand alone, with a blank line (or the start or
/// end of the text) before and after. Reads one line ahead for that; bounded memory as
/// <see cref="BoundedLineReader"/>.
/// </summary>
internal sealed class BookLines
{
    private readonly BoundedLineReader _reader;
    private LineRead? _next;
    private bool _started;
    private bool _previousBlank = true;
    private bool _previousEndedLine = true;

    /// <summary>Reads <paramref name="reader"/> in lines of at most <paramref name="maxLine"/> characters.</summary>
    public BookLines(TextReader reader, int maxLine)
    {
        _reader = new BoundedLineReader(reader, maxLine);
    }

    /// <summary>The next line, or null at the end of the input.</summary>
    public async ValueTask<BookLine?> ReadAsync(CancellationToken cancellationToken)
    {
        if (!_started)
        {
            _started = true;
            _next = await _reader.ReadAsync(cancellationToken);
        }

        if (_next is not { } read)
        {
            return null;
        }

        _next = await _reader.ReadAsync(cancellationToken);
        var startsLine = _previousEndedLine;
        _previousEndedLine = read.EndsLine;
        var line = new BookLine(read.Text, startsLine, read.EndsLine, read.End, BookLine.NotHeading, null);
        var previousBlank = _previousBlank;
        _previousBlank = line.IsBlank;
        if (!startsLine || !read.EndsLine || line.IsBlank)
        {
            return line;
        }

        if (HeadingLine.Markdown(read.Text) is var (level, title))
        {
            return line with { HeadingLevel = level, Title = title };
        }

        var nextBlank = _next is not { } following || (following.EndsLine && string.IsNullOrWhiteSpace(following.Text));
        return previousBlank && nextBlank && HeadingLine.IsChapterLine(read.Text)
            ? line with { HeadingLevel = BookLine.ChapterLineLevel, Title = read.Text.Trim() }
            : line;
    }
}
