using System.Buffers;
using System.Text.Json;
using Orator.Core.Audio;

namespace Orator.Gateway.Upstreams;

/// <summary>
/// The JSON an upstream is sent: the OpenAI speech fields and nothing Orator-specific. Audio is
/// always asked for as plain bytes (no <c>stream_format</c>): every OpenAI-compatible API streams
/// them (OpenAI's tts-1 has no SSE), and Orator frames SSE for its client itself.
/// </summary>
internal static class UpstreamRequestBody
{
    /// <summary>The body of <paramref name="call"/>, UTF-8.</summary>
    public static byte[] Of(UpstreamCall call)
    {
        var buffer = new ArrayBufferWriter<byte>(256 + (call.Input.Length * 2));
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("model", call.Model);
            json.WriteString("input", call.Input);
            json.WriteString("voice", call.Voice);
            json.WriteString("response_format", AudioFormats.NameOf(call.Format));
            if (call.Speed != 1.0)
            {
                json.WriteNumber("speed", call.Speed);
            }

            if (call.Instructions is not null)
            {
                json.WriteString("instructions", call.Instructions);
            }

            json.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
