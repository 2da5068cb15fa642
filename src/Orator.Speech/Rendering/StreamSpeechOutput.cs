using System.IO.Pipelines;

namespace Orator.Speech.Rendering;

/// <summary>
/// A render into a <see cref="Stream"/>: a file, or standard output. The stream is left open; the
/// writer is completed (and everything flushed) when the render ends.
/// </summary>
public sealed class StreamSpeechOutput : ISpeechOutput, IAsyncDisposable
{
    private readonly PipeWriter _writer;

    /// <summary>Creates the output over <paramref name="stream"/>.</summary>
    public StreamSpeechOutput(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _writer = PipeWriter.Create(stream, new StreamPipeWriterOptions(leaveOpen: true));
    }

    /// <inheritdoc />
    public PipeWriter Writer => _writer;

    /// <summary>The media type of what was written, once audio began.</summary>
    public string? ContentType { get; private set; }

    /// <inheritdoc />
    public void Begin(RenderStart start) => ContentType = start.ContentType;

    /// <inheritdoc />
    public async ValueTask EndAsync(RenderSummary summary, CancellationToken cancellationToken) =>
        await _writer.FlushAsync(cancellationToken);

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _writer.CompleteAsync();
}
