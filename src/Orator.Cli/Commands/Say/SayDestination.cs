using Orator.Audio.Encoding;
using Orator.Core.Audio;

namespace Orator.Cli.Commands.Say;

/// <summary>
/// Where <c>orator say</c> writes the audio: a file, or standard output for <c>-o -</c>. A file
/// this command created is removed again unless <see cref="CompleteAsync"/> was called, so a
/// failed or cancelled render leaves no short file that looks complete behind.
/// </summary>
internal sealed class SayDestination : IAsyncDisposable
{
    private readonly FileStream? _file;
    private readonly bool _created;
    private bool _completed;

    private SayDestination(string path, Stream stream, FileStream? file, bool created)
    {
        Path = path;
        Stream = stream;
        _file = file;
        _created = created;
    }

    /// <summary>The path given (<c>-</c> for standard output).</summary>
    public string Path { get; }

    /// <summary>Where the bytes go.</summary>
    public Stream Stream { get; }

    /// <summary>True when this command created the file (it did not exist before).</summary>
    public bool Created => _created;

    /// <summary>True for <c>-o -</c>.</summary>
    public bool IsStandardOutput => _file is null;

    /// <summary>Opens (creating or truncating) <paramref name="path"/>, or standard output for <c>-</c>.</summary>
    /// <exception cref="IOException">The file cannot be created.</exception>
    /// <exception cref="UnauthorizedAccessException">The file may not be written.</exception>
    public static SayDestination Open(string path)
    {
        if (path == SayText.Dash)
        {
            return new SayDestination(path, Console.OpenStandardOutput(), null, created: false);
        }

        var existed = File.Exists(path);
        // Read access too: a finished WAV file gets its real sizes written into the header.
        var file = new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.Read);
        return new SayDestination(path, file, file, !existed);
    }

    /// <summary>Everything was written: keeps the file (a WAV file gets its sizes) and returns its length (0 for standard output).</summary>
    public async Task<long> CompleteAsync(AudioFormat format, CancellationToken cancellationToken)
    {
        _completed = true;
        await Stream.FlushAsync(cancellationToken);
        if (_file is null)
        {
            return 0;
        }

        if (format == AudioFormat.Wav)
        {
            WavFileSizes.TryWrite(_file);
        }

        return _file.Length;
    }

    /// <summary>Closes the file; one this command created and did not complete is deleted.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_file is null)
        {
            // Standard output stays open for whatever the process writes next.
            return;
        }

        await _file.DisposeAsync();
        if (!_completed && _created)
        {
            File.Delete(Path);
        }
    }
}
