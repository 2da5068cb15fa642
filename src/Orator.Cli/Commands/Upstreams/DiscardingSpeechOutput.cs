using System.IO.Pipelines;
using Orator.Speech.Rendering;

namespace Orator.Cli.Commands.Upstreams;

/// <summary>
/// Where a probe's audio goes: nowhere. The caller counts the bytes it passes through and times the
/// first of them (<see cref="Gateway.Upstreams.UpstreamRender"/>), so this output has nothing to keep.
/// </summary>
internal sealed class DiscardingSpeechOutput : ISpeechOutput, IAsyncDisposable
{
    private readonly PipeWriter _writer = PipeWriter.Create(Stream.Null);

    /// <inheritdoc />
    public PipeWriter Writer => _writer;

    /// <inheritdoc />
    public void Begin(RenderStart start)
    {
    }

    /// <inheritdoc />
    public ValueTask EndAsync(RenderSummary summary, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _writer.CompleteAsync();
}
