namespace Orator.Text;

/// <summary>
/// Tuning for <see cref="SentenceSplitter"/>. Lengths count UTF-16 code units (<see cref="string.Length"/>),
/// which is at least the number of code points, so a limit is never exceeded in code points either.
/// </summary>
/// <remarks>
/// The defaults favour time to first audio and natural prosody: the first chunk is at most
/// <see cref="FirstChunkMaxCharacters"/> (about one spoken sentence, a few seconds of audio, synthesised
/// in milliseconds), later chunks up to <see cref="MaxChunkCharacters"/> (long enough that a sentence
/// keeps its intonation, short enough to bound engine memory and the delay of a cancelled request).
/// See docs/architecture/text-splitting.md.
/// </remarks>
public sealed record SplitterOptions
{
    /// <summary>The defaults: 300 / 120 / 20, chunks without letters or digits dropped.</summary>
    public static SplitterOptions Default { get; } = new();

    /// <summary>Longest chunk after the first (default 300). Sentences longer than this are cut at clauses or words.</summary>
    public int MaxChunkCharacters { get; init; } = 300;

    /// <summary>
    /// Longest first chunk (default 120, at most <see cref="MaxChunkCharacters"/>): a short first
    /// chunk is synthesised and sent while the rest is still pending.
    /// </summary>
    public int FirstChunkMaxCharacters { get; init; } = 120;

    /// <summary>
    /// A sentence shorter than this (default 20) is merged with the next sentence, and a final sentence
    /// shorter than this with the previous one, when the result fits the limit and the break between
    /// them is a plain sentence break: "Hi. How are you?" is spoken as one phrase. 0 disables merging.
    /// </summary>
    public int MinChunkCharacters { get; init; } = 20;

    /// <summary>
    /// Whether chunks without any letter or digit ("?", "***", "🎉") are dropped (default true): they
    /// carry no speech. A dropped chunk's break still reaches the chunk before it, so a paragraph
    /// pause is kept.
    /// </summary>
    public bool DropChunksWithoutLettersOrDigits { get; init; } = true;
}
