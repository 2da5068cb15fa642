using System.Buffers;
using Orator.Speech.Captions;
using Orator.Speech.Rendering;

namespace Orator.Cli.Commands.Say;

/// <summary>
/// <c>--captions FILE</c>: the words of every piece, on the timeline of the one audio file, cued per
/// piece (a piece ends at a paragraph, so no cue spans two) and written when the render ends, in the
/// format the file's extension names.
/// </summary>
internal sealed class SayCaptions(string path, CaptionFormat format)
{
    private readonly List<SpokenWord> _words = [];
    private readonly List<SpokenWord> _piece = [];
    private readonly List<CaptionCue> _cues = [];

    /// <summary>Where the captions go.</summary>
    public string Path => path;

    /// <summary>The words timed so far.</summary>
    public int Words => _words.Count;

    /// <summary>An output over <paramref name="inner"/> that hands the words of the piece rendering now to these captions.</summary>
    public ISpeechOutput Wrap(ISpeechOutput inner) => new Recording(inner, this);

    /// <summary>The piece whose words were just told ended: its cues are made from its text, its offsets moved onto the whole text's.</summary>
    public void EndPiece(string text, long start)
    {
        if (_piece.Count == 0)
        {
            return;
        }

        var track = CaptionBuilder.Build(text, _piece);
        _cues.AddRange(track.Cues);
        foreach (var word in _piece)
        {
            _words.Add(word with { Offset = word.Offset + (int)start });
        }

        _piece.Clear();
    }

    /// <summary>Writes the captions file.</summary>
    /// <exception cref="IOException">The file cannot be written.</exception>
    /// <exception cref="UnauthorizedAccessException">The same, for want of permission.</exception>
    public async Task WriteAsync(CancellationToken cancellationToken)
    {
        var output = new ArrayBufferWriter<byte>();
        CaptionWriter.Write(new CaptionTrack(_words, _cues), format, output);
        await File.WriteAllBytesAsync(path, output.WrittenMemory.ToArray(), cancellationToken);
    }

    private void Add(IReadOnlyList<SpokenWord> words)
    {
        foreach (var word in words)
        {
            // Cues take words in text order without overlaps.
            if (_piece.Count == 0 || word.Offset >= _piece[^1].Offset + _piece[^1].Length)
            {
                _piece.Add(word);
            }
        }
    }

    private sealed class Recording(ISpeechOutput inner, SayCaptions captions) : ISpeechOutput, IWordOutput
    {
        public System.IO.Pipelines.PipeWriter Writer => inner.Writer;

        public void Begin(RenderStart start) => inner.Begin(start);

        public ValueTask EndAsync(RenderSummary summary, CancellationToken cancellationToken) => inner.EndAsync(summary, cancellationToken);

        public ValueTask WordsAsync(IReadOnlyList<SpokenWord> words, CancellationToken cancellationToken)
        {
            captions.Add(words);
            return ValueTask.CompletedTask;
        }
    }
}
