namespace Orator.Speech.Requests;

/// <summary>How the speech endpoint delivers audio (the request's <c>stream_format</c>).</summary>
public enum SpeechStreamFormat
{
    /// <summary>The encoded audio bytes as the response body (<c>audio</c>, the default).</summary>
    Audio,

    /// <summary>Server-sent events carrying base64 audio deltas (<c>sse</c>).</summary>
    Sse,
}
