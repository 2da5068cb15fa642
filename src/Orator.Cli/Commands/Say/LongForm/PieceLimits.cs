namespace Orator.Cli.Commands.Say.LongForm;

/// <summary>How long form cuts a text into pieces, each planned on its own (docs/architecture/long-form.md).</summary>
/// <param name="Target">A piece ends at the first paragraph break after this many characters.</param>
/// <param name="Max">A paragraph that runs past this many characters is cut at its last sentence end.</param>
/// <param name="MaxLine">The most characters of one line held at once; longer lines are read in fragments.</param>
internal readonly record struct PieceLimits(int Target, int Max, int MaxLine)
{
    /// <summary>
    /// 16,384 / 32,768 / 4,096: a piece plans in about a millisecond and holds well under a
    /// megabyte of plan, and joins between pieces (where rendering ahead starts over) come
    /// every few minutes of audio.
    /// </summary>
    public static PieceLimits Default { get; } = new(16_384, 32_768, 4_096);
}
