using Orator.Core.Audio;

namespace Orator.Cli.Commands.Say;

/// <summary>What one <c>orator say</c> asks for, after its options were read and checked.</summary>
/// <param name="Input">The text to speak.</param>
/// <param name="Voice">The voice name (OpenAI name or native).</param>
/// <param name="Model">The model name.</param>
/// <param name="Output">The output path, <c>-</c> for standard output.</param>
/// <param name="Format">The response format.</param>
/// <param name="Speed">The speed, 0.25..4.0.</param>
/// <param name="Instructions">Style instructions, or null.</param>
internal sealed record SayRequest(SayInput Input, string Voice, string Model, string Output, AudioFormat Format, double Speed, string? Instructions)
{
    /// <summary><c>--split chapters</c>: one file per chapter and a playlist.</summary>
    public bool SplitChapters { get; init; }

    /// <summary><c>--captions FILE</c>: word-timed captions of the audio, or null.</summary>
    public SayCaptions? Captions { get; init; }

    /// <summary><c>--quiet</c>: no progress display.</summary>
    public bool Quiet { get; init; }
}
