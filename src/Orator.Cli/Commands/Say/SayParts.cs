using System.Globalization;
using Orator.Core.Audio;

namespace Orator.Cli.Commands.Say;

/// <summary>
/// The files one <c>orator say</c> writes: the <c>-o</c> file (or standard output), or with
/// <c>--split chapters</c> one file per chapter, <c>STEM-01.EXT</c>, <c>STEM-02.EXT</c>, ... beside
/// the <c>-o</c> path (two digits, more when the book could have more than 99 chapters), and the
/// playlist <c>STEM.m3u</c>. A text that turns out to have one chapter is written to the
/// <c>-o</c> path itself, with no playlist. All or nothing: unless <see cref="FinishAsync"/> ran,
/// disposing removes every file this command created, finished chapters included.
/// </summary>
internal sealed class SayParts : IAsyncDisposable
{
    private readonly string _output;
    private readonly bool _split;
    private readonly string _folder;
    private readonly string _stem;
    private readonly string _extension;
    private readonly int _digits;
    private readonly List<WrittenPart> _written = [];
    private SayDestination? _current;
    private string _title = string.Empty;
    private bool _finished;

    /// <summary>The files for <paramref name="output"/>; with <paramref name="split"/>, up to <paramref name="maxParts"/> chapter files.</summary>
    public SayParts(string output, AudioFormat format, bool split, int maxParts)
    {
        _output = output ?? throw new ArgumentNullException(nameof(output));
        _split = split;
        _folder = Path.GetDirectoryName(output) ?? string.Empty;
        _stem = Path.GetFileNameWithoutExtension(output);
        _extension = Path.GetExtension(output) is { Length: > 0 } extension ? extension : "." + AudioFormats.Of(format).Extension;
        _digits = Math.Max(2, maxParts.ToString(CultureInfo.InvariantCulture).Length);
    }

    /// <summary>The files completed so far, in order.</summary>
    public IReadOnlyList<WrittenPart> Written => _written;

    /// <summary>Where the playlist goes with <c>--split chapters</c>.</summary>
    public string PlaylistPath => Path.Combine(_folder, _stem + ".m3u");

    /// <summary>Opens the next file, for the chapter called <paramref name="title"/>.</summary>
    /// <exception cref="IOException">The file cannot be created.</exception>
    /// <exception cref="UnauthorizedAccessException">The file may not be written.</exception>
    public SayDestination Open(string title)
    {
        if (_current is not null)
        {
            throw new InvalidOperationException("The previous part is still open.");
        }

        var number = (_written.Count + 1).ToString("D" + _digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        _current = SayDestination.Open(_split ? Path.Combine(_folder, $"{_stem}-{number}{_extension}") : _output);
        _title = title;
        return _current;
    }

    /// <summary>Everything of the open file was written (<paramref name="seconds"/> of audio): completes and closes it.</summary>
    public async Task CompletePartAsync(AudioFormat format, double seconds, CancellationToken cancellationToken)
    {
        var destination = _current ?? throw new InvalidOperationException("No part is open.");
        var bytes = await destination.CompleteAsync(format, cancellationToken);
        _current = null;
        await destination.DisposeAsync();
        _written.Add(new WrittenPart(destination.IsStandardOutput ? SayText.Dash : destination.Path, bytes, seconds, _title, destination.Created));
    }

    /// <summary>
    /// Every part is written: with <c>--split chapters</c>, a single part becomes the <c>-o</c> file
    /// (null is returned) and several get their playlist (its path is returned). Nothing is removed after this.
    /// </summary>
    /// <exception cref="IOException">The playlist cannot be written, or the single part not moved.</exception>
    /// <exception cref="UnauthorizedAccessException">The same, for want of permission.</exception>
    public async Task<string?> FinishAsync(CancellationToken cancellationToken)
    {
        string? playlist = null;
        if (_split && _written.Count == 1)
        {
            File.Move(_written[0].Path, _output, overwrite: true);
            _written[0] = _written[0] with { Path = _output };
        }
        else if (_split)
        {
            playlist = PlaylistPath;
            await M3uPlaylist.WriteAsync(playlist, _written, cancellationToken);
        }

        _finished = true;
        return playlist;
    }

    /// <summary>Closes an open file (removing it when this command created it) and, unless finished, removes the completed ones it created.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_current is not null)
        {
            await _current.DisposeAsync();
            _current = null;
        }

        if (_finished)
        {
            return;
        }

        foreach (var part in _written.Where(p => p.Created))
        {
            File.Delete(part.Path);
        }
    }
}
