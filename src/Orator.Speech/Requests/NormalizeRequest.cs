namespace Orator.Speech.Requests;

/// <summary>A syntactically valid <c>POST /v1/audio/normalize</c> body.</summary>
public sealed record NormalizeRequest
{
    /// <summary>The model whose voice table is used when <see cref="Voice"/> is given; <c>tts-1</c> when absent.</summary>
    public string Model { get; init; } = "tts-1";

    /// <summary>The text to prepare (1..4096 code points, as for speech).</summary>
    public required string Input { get; init; }

    /// <summary>The voice whose language decides normalization; <c>alloy</c> when absent.</summary>
    public string Voice { get; init; } = "alloy";

    /// <summary>The <c>normalization</c> extension, as on <c>/v1/audio/speech</c>.</summary>
    public NormalizationSetting Normalization { get; init; } = NormalizationSetting.Default;
}
