namespace Orator.Server.Api;

/// <summary>Which endpoint a speech body was sent to: each takes the speech fields plus a few of its own.</summary>
internal enum SpeechBodyKind
{
    /// <summary><c>POST /v1/audio/speech</c>: audio, with the Orator <c>timestamps</c> field for SSE words events.</summary>
    Speech,

    /// <summary><c>POST /v1/audio/captions</c>: <c>response_format</c> is <c>srt</c>, <c>vtt</c> or <c>json</c>; <c>audio_format</c> names the audio the captions go with.</summary>
    Captions,

    /// <summary><c>POST /dev/captioned_speech</c> (Kokoro-FastAPI's): audio and timestamps in JSON, with <c>return_timestamps</c>.</summary>
    CaptionedSpeech,
}
