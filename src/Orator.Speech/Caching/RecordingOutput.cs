using System.IO.Pipelines;
using Orator.Speech.Rendering;

namespace Orator.Speech.Caching;

/// <summary>An output that records what a render sends through it (see <see cref="RecordingPipeWriter"/>).</summary>
internal sealed class RecordingOutput(ISpeechOutput inner, long maxBytes) : ISpeechOutput, IDisposable
{
    private readonly RecordingPipeWriter _writer = new(inner.Writer, maxBytes);
    private string? _contentType;
    private RenderSummary? _summary;

    /// <inheritdoc />
    public PipeWriter Writer => _writer;

    /// <inheritdoc />
    public void Begin(RenderStart start)
    {
        _contentType = start.ContentType;
        inner.Begin(start);
    }

    /// <inheritdoc />
    public ValueTask EndAsync(RenderSummary summary, CancellationToken cancellationToken)
    {
        _summary = summary;
        return inner.EndAsync(summary, cancellationToken);
    }

    /// <summary>The completed render as an entry; null if it did not begin and end, or was too big.</summary>
    public CachedRender? ToEntry() =>
        _contentType is { } contentType && _summary is { } summary
            ? _writer.ToEntry(contentType, summary.OutputSamples, summary.SampleRate)
            : null;

    /// <inheritdoc />
    public void Dispose() => _writer.Dispose();
}
