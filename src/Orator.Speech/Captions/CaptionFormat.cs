namespace Orator.Speech.Captions;

/// <summary>A caption file format; names, extensions and media types are in <see cref="CaptionFormats"/>.</summary>
public enum CaptionFormat
{
    /// <summary>SubRip: numbered cues, <c>00:00:01,234</c> times.</summary>
    Srt,

    /// <summary>WebVTT: a <c>WEBVTT</c> header, <c>00:00:01.234</c> times, HTML-escaped text.</summary>
    Vtt,

    /// <summary>Orator's JSON transcript: the timed words and the cues.</summary>
    Json,
}
