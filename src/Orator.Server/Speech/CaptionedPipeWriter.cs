using System.Buffers;
using System.IO.Pipelines;
using System.Text.Json;
using Orator.Speech.Captions;

namespace Orator.Server.Speech;

/// <summary>
/// Kokoro-FastAPI's <c>/dev/captioned_speech</c> body: JSON objects
/// <c>{"audio": base64, "audio_format": media type, "timestamps": [{"word","start_time","end_time"}]}</c>.
/// Streaming, every flush of the audio pipeline becomes one object on its own line carrying the
/// words told since the last one (words always arrive before their audio, so they travel with or
/// before it); not streaming, one object with the whole file and every word, at the end.
/// </summary>
internal sealed class CaptionedPipeWriter(PipeWriter response, string audioFormat, bool streaming, bool timestamps) : PipeWriter
{
    private readonly ArrayBufferWriter<byte> _pending = new(16 * 1024);
    private readonly List<SpokenWord> _words = [];

    /// <inheritdoc />
    public override void Advance(int bytes) => _pending.Advance(bytes);

    /// <inheritdoc />
    public override Memory<byte> GetMemory(int sizeHint = 0) => _pending.GetMemory(sizeHint);

    /// <inheritdoc />
    public override Span<byte> GetSpan(int sizeHint = 0) => _pending.GetSpan(sizeHint);

    /// <inheritdoc />
    public override void CancelPendingFlush() => response.CancelPendingFlush();

    /// <inheritdoc />
    public override void Complete(Exception? exception = null)
    {
        // The response itself is completed by the endpoint.
    }

    /// <summary>Words to send with the next audio.</summary>
    public void AddWords(IReadOnlyList<SpokenWord> words) => _words.AddRange(words);

    /// <inheritdoc />
    public override ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default)
    {
        if (!streaming || _pending.WrittenCount == 0)
        {
            return ValueTask.FromResult(new FlushResult(isCanceled: false, isCompleted: false));
        }

        WriteObject();
        response.Write("\n"u8);
        return response.FlushAsync(cancellationToken);
    }

    /// <summary>Ends the body: the one object when not streaming, else whatever is left as a last line.</summary>
    public ValueTask<FlushResult> FinishAsync(CancellationToken cancellationToken)
    {
        if (!streaming || _pending.WrittenCount > 0 || _words.Count > 0)
        {
            WriteObject();
            response.Write("\n"u8);
        }

        return response.FlushAsync(cancellationToken);
    }

    private void WriteObject()
    {
        using (var json = new Utf8JsonWriter(response, SpokenWordJson.WriterOptions))
        {
            json.WriteStartObject();
            json.WriteBase64String("audio", _pending.WrittenSpan);
            json.WriteString("audio_format", audioFormat);
            if (timestamps)
            {
                SpokenWordJson.WriteKokoroTimestamps(json, "timestamps", _words);
            }
            else
            {
                json.WriteNull("timestamps");
            }

            json.WriteEndObject();
        }

        _pending.ResetWrittenCount();
        _words.Clear();
    }
}
