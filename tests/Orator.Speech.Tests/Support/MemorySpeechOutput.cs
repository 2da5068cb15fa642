using System.IO.Pipelines;
using Orator.Speech.Rendering;

namespace Orator.Speech.Tests.Support;

/// <summary>A render into memory that records when it began and how it ended.</summary>
internal sealed class MemorySpeechOutput : ISpeechOutput
{
    private readonly MemoryStream _bytes = new();
    private readonly PipeWriter _writer;

    public MemorySpeechOutput() => _writer = PipeWriter.Create(_bytes, new StreamPipeWriterOptions(leaveOpen: true));

    public PipeWriter Writer => _writer;

    public List<RenderStart> Starts { get; } = [];

    /// <summary>Bytes already flushed when <see cref="Begin"/> was called (must be 0).</summary>
    public long BytesBeforeBegin { get; private set; } = -1;

    public RenderSummary? Summary { get; private set; }

    public byte[] Bytes => _bytes.ToArray();

    public void Begin(RenderStart start)
    {
        BytesBeforeBegin = _bytes.Length;
        Starts.Add(start);
    }

    public ValueTask EndAsync(RenderSummary summary, CancellationToken cancellationToken)
    {
        Summary = summary;
        return ValueTask.CompletedTask;
    }
}
