using System.Buffers;
using System.Buffers.Text;
using System.IO.Pipelines;
using System.Text.Json;
using Orator.Speech.Captions;
using Orator.Speech.Rendering;

namespace Orator.Server.Speech;

/// <summary>
/// Turns the encoded audio stream into server-sent events: every flush of the audio pipeline
/// becomes one <c>speech.audio.delta</c> event carrying the bytes written since the last flush,
/// base64-encoded straight into the response (no intermediate strings).
/// </summary>
internal sealed class SsePipeWriter(PipeWriter response) : PipeWriter
{
    private static readonly byte[] DeltaPrefix = "data: {\"type\":\"speech.audio.delta\",\"audio\":\""u8.ToArray();
    private static readonly byte[] DeltaSuffix = "\"}\n\n"u8.ToArray();
    private readonly ArrayBufferWriter<byte> _pending = new(16 * 1024);

    /// <summary>Encoded bytes sent so far (before base64).</summary>
    public long AudioBytes { get; private set; }

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
        // The response itself is completed by the endpoint after the closing events.
    }

    /// <inheritdoc />
    public override ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default)
    {
        if (_pending.WrittenCount > 0)
        {
            WriteDelta(_pending.WrittenSpan);
            AudioBytes += _pending.WrittenCount;
            _pending.ResetWrittenCount();
        }

        return response.FlushAsync(cancellationToken);
    }

    /// <summary>
    /// Writes a <c>speech.audio.words</c> event; audio written before it and not yet flushed goes
    /// out first as its own delta, so the event precedes exactly the audio that follows it.
    /// </summary>
    public ValueTask<FlushResult> WriteWordsAsync(IReadOnlyList<SpokenWord> words, CancellationToken cancellationToken)
    {
        if (_pending.WrittenCount > 0)
        {
            WriteDelta(_pending.WrittenSpan);
            AudioBytes += _pending.WrittenCount;
            _pending.ResetWrittenCount();
        }

        response.Write("data: "u8);
        using (var json = new Utf8JsonWriter(response, SpokenWordJson.WriterOptions))
        {
            json.WriteStartObject();
            json.WriteString("type", "speech.audio.words");
            SpokenWordJson.WriteWords(json, "words", words);
            json.WriteEndObject();
        }

        response.Write("\n\n"u8);
        return response.FlushAsync(cancellationToken);
    }

    /// <summary>Writes the closing <c>speech.audio.done</c> event (with usage) and <c>data: [DONE]</c>.</summary>
    public ValueTask<FlushResult> WriteDoneAsync(SpeechUsage usage, CancellationToken cancellationToken)
    {
        var total = usage.InputTokens + usage.OutputTokens;
        var done = System.Text.Encoding.UTF8.GetBytes(string.Create(
            System.Globalization.CultureInfo.InvariantCulture,
            $"data: {{\"type\":\"speech.audio.done\",\"usage\":{{\"input_tokens\":{usage.InputTokens},\"output_tokens\":{usage.OutputTokens},\"total_tokens\":{total}}}}}\n\ndata: [DONE]\n\n"));
        response.Write(done);
        return response.FlushAsync(cancellationToken);
    }

    private void WriteDelta(ReadOnlySpan<byte> audio)
    {
        var encodedLength = Base64.GetMaxEncodedToUtf8Length(audio.Length);
        var span = response.GetSpan(DeltaPrefix.Length + encodedLength + DeltaSuffix.Length);
        DeltaPrefix.CopyTo(span);
        Base64.EncodeToUtf8(audio, span[DeltaPrefix.Length..], out _, out var written);
        DeltaSuffix.CopyTo(span[(DeltaPrefix.Length + written)..]);
        response.Advance(DeltaPrefix.Length + written + DeltaSuffix.Length);
    }
}
