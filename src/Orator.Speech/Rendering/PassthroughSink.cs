using System.Buffers;
using System.IO.Pipelines;
using Orator.Core.Audio;

namespace Orator.Speech.Rendering;

/// <summary>
/// Passes a backend's encoded bytes to the output unchanged, beginning the output at the first
/// non-empty write and flushing after each, so they reach the client as they arrive.
/// </summary>
internal sealed class PassthroughSink(ISpeechOutput output, string contentType) : IEncodedAudioSink
{
    /// <summary>True once the output has begun.</summary>
    public bool Started { get; private set; }

    /// <summary>Bytes passed through.</summary>
    public long Bytes { get; private set; }

    /// <summary>Begins the output if that has not happened yet.</summary>
    public void Start()
    {
        if (!Started)
        {
            Started = true;
            output.Begin(new RenderStart(contentType));
        }
    }

    /// <inheritdoc />
    public async ValueTask WriteAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        if (bytes.IsEmpty)
        {
            return;
        }

        Start();
        output.Writer.Write(bytes.Span);
        Bytes += bytes.Length;
        var flushed = await output.Writer.FlushAsync(cancellationToken);
        if (flushed.IsCanceled || flushed.IsCompleted)
        {
            throw new OperationCanceledException("The reader of the audio output has stopped reading.");
        }
    }
}
