using System.Text;

namespace Orator.Cli.Commands.Say;

/// <summary>
/// The text <c>orator say</c> speaks: a file (read as it renders, so a book of any size takes
/// bounded memory, and read twice: once to survey it, once to speak it) or text already in memory
/// (the argument, or standard input, which cannot be read twice).
/// </summary>
internal sealed class SayInput
{
    private readonly string? _text;

    private SayInput(string? text, string? path)
    {
        _text = text;
        FilePath = path;
    }

    /// <summary>The <c>--file</c> path, or null for text in memory.</summary>
    public string? FilePath { get; }

    /// <summary>Text given as the argument or read from standard input.</summary>
    public static SayInput FromText(string text) => new(text ?? throw new ArgumentNullException(nameof(text)), null);

    /// <summary>A UTF-8 file (a byte-order mark, UTF-8 or UTF-16, is honoured).</summary>
    public static SayInput FromFile(string path) => new(null, path ?? throw new ArgumentNullException(nameof(path)));

    /// <summary>A reader from the start of the text.</summary>
    /// <exception cref="IOException">The file cannot be opened.</exception>
    /// <exception cref="UnauthorizedAccessException">The file may not be read.</exception>
    public TextReader OpenReader() => FilePath is null
        ? new StringReader(_text!)
        : new StreamReader(FilePath, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, new FileStreamOptions { Options = FileOptions.SequentialScan });

    /// <summary>The whole text (for <c>--server</c>, which sends it in one request).</summary>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="UnauthorizedAccessException">The file may not be read.</exception>
    public async Task<string> ReadAllAsync(CancellationToken cancellationToken)
    {
        if (FilePath is null)
        {
            return _text!;
        }

        using var reader = OpenReader();
        return await reader.ReadToEndAsync(cancellationToken);
    }

    /// <summary>What the user says when the input cannot be read.</summary>
    public string CannotRead(Exception exception) => $"cannot read --file {FilePath}: {exception?.Message}";
}
