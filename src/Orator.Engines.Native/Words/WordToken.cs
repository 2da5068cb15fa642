namespace Orator.Engines.Words;

/// <summary>One word of a segment's text: where it is, in UTF-16 code units.</summary>
/// <param name="Offset">First code unit of the word, after leading punctuation.</param>
/// <param name="Length">Code units up to the last letter or digit (at least 1).</param>
/// <param name="TokenStart">First code unit of the whitespace-delimited token, punctuation included.</param>
/// <param name="TokenEnd">Code unit just past the token.</param>
internal readonly record struct WordToken(int Offset, int Length, int TokenStart, int TokenEnd)
{
    /// <summary>Code unit just past the word.</summary>
    public int End => Offset + Length;
}
