using Orator.Server.Api;
using Orator.Speech.Captions;

namespace Orator.Server.Speech;

/// <summary>What the response body of a speech render looks like: audio (raw, buffered or SSE), captions alone, or Kokoro-style captioned JSON.</summary>
/// <param name="Kind">The endpoint answered.</param>
/// <param name="Buffered">The whole body at once (<c>stream: false</c>).</param>
/// <param name="CaptionFormat">The captions' format, for <see cref="SpeechBodyKind.Captions"/>.</param>
/// <param name="ReturnTimestamps">Kokoro's <c>return_timestamps</c>, for <see cref="SpeechBodyKind.CaptionedSpeech"/>.</param>
/// <param name="Input">The input as written: the captions' text.</param>
/// <param name="AudioContentType">The audio's media type, which Kokoro's JSON names.</param>
internal sealed record SpeechBodyShape(SpeechBodyKind Kind, bool Buffered, CaptionFormat CaptionFormat, bool ReturnTimestamps, string Input, string AudioContentType)
{
    /// <summary>Plain audio, streamed or buffered.</summary>
    public static SpeechBodyShape Audio(bool buffered) => new(SpeechBodyKind.Speech, buffered, CaptionFormat.Json, true, string.Empty, string.Empty);

    /// <summary>The shape <paramref name="body"/> asks for.</summary>
    public static SpeechBodyShape Of(SpeechBody body, string audioContentType) =>
        new(body.Kind, body.Buffered, body.CaptionFormat, body.ReturnTimestamps, body.Request.Input, audioContentType);
}
