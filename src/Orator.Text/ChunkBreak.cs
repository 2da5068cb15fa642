namespace Orator.Text;

/// <summary>
/// What ended a <see cref="TextChunk"/>: the server uses it to choose the pause it inserts before the
/// next chunk (longest after a paragraph, none after a forced cut).
/// </summary>
public enum ChunkBreak
{
    /// <summary>A sentence terminator (<c>. ! ? … 。 ！ ？ । ؟ ።</c> ...), with any closing quotes or brackets after it.</summary>
    Sentence,

    /// <summary>A clause mark (<c>, ; : — ， 、 ،</c> ...) chosen to keep a long sentence under the chunk limit.</summary>
    Clause,

    /// <summary>A blank line (two or more line breaks), a paragraph separator (U+2029) or a form feed.</summary>
    Paragraph,

    /// <summary>A single line break that ends a heading, a list item or an unpunctuated line.</summary>
    Line,

    /// <summary>
    /// No punctuation was close enough: the chunk was cut at a word boundary (preferably before a
    /// conjunction) or, in text without spaces, between two grapheme clusters.
    /// </summary>
    Forced,

    /// <summary>The end of the input: only the last chunk has it.</summary>
    End,
}
