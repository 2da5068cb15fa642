using System.Text;
using Orator.Core.Audio;

namespace Orator.Functional.Tests.Infrastructure;

/// <summary>
/// The body of an OK speech answer as it goes on the wire, cut where the upstream flushes: the
/// payload in chunks for audio, or one <c>speech.audio.delta</c> event per chunk then
/// <c>speech.audio.done</c> and <c>[DONE]</c> for <c>stream_format: "sse"</c>.
/// </summary>
internal sealed record UpstreamBody(string ContentType, IReadOnlyList<ReadOnlyMemory<byte>> Chunks)
{
    public const string EventStream = "text/event-stream; charset=utf-8";

    public long Length => Chunks.Sum(c => (long)c.Length);

    public static UpstreamBody Audio(AudioFormat format, byte[] payload, int chunkSize) =>
        new(AudioFormats.ContentTypeOf(format), [.. payload.Chunk(chunkSize).Select(chunk => (ReadOnlyMemory<byte>)chunk)]);

    public static UpstreamBody Sse(byte[] payload, int chunkSize, string input)
    {
        var events = payload.Chunk(chunkSize)
            .Select(audio => Event($"{{\"type\":\"speech.audio.delta\",\"audio\":\"{Convert.ToBase64String(audio)}\"}}"))
            .ToList();

        // Usage numbers only need to be plausible and repeatable; no tokenizer here.
        var inputTokens = Math.Max(1, input.Length / 4);
        var outputTokens = Math.Max(1, payload.Length / 100);
        events.Add(Event(
            $"{{\"type\":\"speech.audio.done\",\"usage\":{{\"input_tokens\":{inputTokens},\"output_tokens\":{outputTokens},\"total_tokens\":{inputTokens + outputTokens}}}}}"));
        events.Add(Event("[DONE]"));
        return new UpstreamBody(EventStream, events);
    }

    private static ReadOnlyMemory<byte> Event(string data) => Encoding.UTF8.GetBytes($"data: {data}\n\n");
}
