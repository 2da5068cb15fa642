using Orator.Text;
using Orator.Text.Normalization;

namespace Orator.Speech.Planning;

/// <summary>
/// The text an engine is given and the chunks it is rendered in: the input after pronunciation
/// overrides, the server lexicon and (for English voices) normalization, split into sentences and clauses.
/// </summary>
/// <param name="Text">The prepared text.</param>
/// <param name="Chunks">The pieces <paramref name="Text"/> is synthesised in, in order (none for text with nothing to say).</param>
/// <param name="NormalizedAs">The conventions English normalization used, or null when it did not run.</param>
public sealed record SpokenText(string Text, IReadOnlyList<TextChunk> Chunks, EnglishLocale? NormalizedAs)
{
    /// <summary>
    /// Where each part of <see cref="Text"/> came from in the input; made only for plans that want
    /// word timestamps (null otherwise: the plain path does not pay for it).
    /// </summary>
    public TextMap? Map { get; init; }
}
