using Orator.Speech.Captions;
using Orator.Speech.Requests;

namespace Orator.Server.Api;

/// <summary>
/// A parsed speech body: the request the speech core plans, plus what only the HTTP side uses.
/// </summary>
/// <param name="Request">The request.</param>
/// <param name="Ignored">Fields accepted but not acted on, in body order (<c>x-orator-ignored-params</c>).</param>
/// <param name="UpstreamIgnored">
/// What is ignored when an upstream serves the request, in body order: the ignored fields plus
/// those only Orator's own engines act on (<c>sample_rate</c>, <c>volume_multiplier</c>,
/// <c>lang_code</c>, <c>normalization</c>, <c>normalization_options</c>), since an upstream is sent
/// only the OpenAI fields.
/// </param>
/// <param name="Buffered">
/// <c>stream: false</c>: the whole file in one response with a Content-Length, instead of chunks
/// as the audio is made.
/// </param>
internal sealed record SpeechBody(SpeechRequest Request, IReadOnlyList<string> Ignored, IReadOnlyList<string> UpstreamIgnored, bool Buffered)
{
    /// <summary>The endpoint the body was sent to.</summary>
    public SpeechBodyKind Kind { get; init; } = SpeechBodyKind.Speech;

    /// <summary>The captions' format (<see cref="SpeechBodyKind.Captions"/>).</summary>
    public CaptionFormat CaptionFormat { get; init; } = CaptionFormat.Json;

    /// <summary>Kokoro-FastAPI's <c>return_timestamps</c> (<see cref="SpeechBodyKind.CaptionedSpeech"/>): false sends the audio without them.</summary>
    public bool ReturnTimestamps { get; init; } = true;
}
