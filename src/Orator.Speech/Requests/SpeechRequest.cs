using Orator.Core.Audio;

namespace Orator.Speech.Requests;

/// <summary>
/// A syntactically valid <c>POST /v1/audio/speech</c> body. Whether the model and voice exist,
/// and whether the model supports <c>instructions</c> or SSE, is the server's call, not the parser's.
/// </summary>
public sealed record SpeechRequest
{
    /// <summary>The most code points the HTTP API takes as <c>input</c> (OpenAI's limit); <c>orator say</c> in process takes any length.</summary>
    public const int MaxApiInputLength = 4096;

    /// <summary>The slowest <see cref="Speed"/>.</summary>
    public const double MinSpeed = 0.25;

    /// <summary>The fastest <see cref="Speed"/>.</summary>
    public const double MaxSpeed = 4.0;

    /// <summary>The requested model name (1..256 code points).</summary>
    public required string Model { get; init; }

    /// <summary>The text to speak (at least one code point; at most <see cref="MaxApiInputLength"/> over HTTP).</summary>
    public required string Input { get; init; }

    /// <summary>The voice name, or the <c>id</c> when the voice was given as <c>{"id": "..."}</c>.</summary>
    public required string Voice { get; init; }

    /// <summary>Style instructions (1..4096 code points), or null when absent, null or empty.</summary>
    public string? Instructions { get; init; }

    /// <summary>The encoding of the returned audio.</summary>
    public AudioFormat ResponseFormat { get; init; } = AudioFormat.Mp3;

    /// <summary>The speaking rate multiplier, <see cref="MinSpeed"/>..<see cref="MaxSpeed"/>.</summary>
    public double Speed { get; init; } = 1.0;

    /// <summary>
    /// The output sample rate asked for (<c>sample_rate</c>), one of the format's
    /// <see cref="AudioFormats.Entry.SampleRates"/>; null = the API's 24 kHz.
    /// </summary>
    public int? SampleRate { get; init; }

    /// <summary>The quietest <see cref="VolumeMultiplier"/>.</summary>
    public const double MinVolumeMultiplier = 0.1;

    /// <summary>The loudest <see cref="VolumeMultiplier"/>.</summary>
    public const double MaxVolumeMultiplier = 4.0;

    /// <summary>The level multiplier (<c>volume_multiplier</c>), <see cref="MinVolumeMultiplier"/>..<see cref="MaxVolumeMultiplier"/>; limited softly above 1.</summary>
    public double VolumeMultiplier { get; init; } = 1.0;

    /// <summary>The language to speak in (<c>lang_code</c>, see <see cref="Catalog.LanguageChoice"/>); null = the voice's own.</summary>
    public string? LangCode { get; init; }

    /// <summary>Raw audio body or server-sent events.</summary>
    public SpeechStreamFormat StreamFormat { get; init; } = SpeechStreamFormat.Audio;

    /// <summary>The Orator <c>normalization</c> extension: on with the voice's conventions unless the request says otherwise.</summary>
    public NormalizationSetting Normalization { get; init; } = NormalizationSetting.Default;

    /// <summary>
    /// Word timestamps wanted (the Orator <c>timestamps</c> field, captions): the engines report
    /// where each word is and the renderer places them on the output timeline, mapped back to
    /// <see cref="Input"/>. Local engines only.
    /// </summary>
    public bool Timestamps { get; init; }

    /// <summary>
    /// Set when <see cref="Input"/> is one piece of a longer text rendered as several plans into one
    /// stream (<c>orator say</c> long form); null, as for every HTTP request, when it is the whole text.
    /// </summary>
    public InputPiece? Piece { get; init; }
}
