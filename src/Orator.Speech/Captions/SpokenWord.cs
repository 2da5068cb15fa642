namespace Orator.Speech.Captions;

/// <summary>
/// One word of the input as it was spoken: where it is in the input text and when it is heard on the
/// output timeline. Captions, word events and JSON transcripts all describe words with this record.
/// </summary>
/// <param name="Word">The word as written: <c>input.Substring(Offset, Length)</c>.</param>
/// <param name="Start">When the word starts, in seconds from the start of the output audio.</param>
/// <param name="End">When the word ends, in seconds on the same timeline; not before <paramref name="Start"/>.</param>
/// <param name="Offset">Offset of the word's first UTF-16 code unit in the input text.</param>
/// <param name="Length">Length of the word in UTF-16 code units.</param>
/// <param name="Approximate">True when the engine estimated the times rather than knowing them.</param>
public readonly record struct SpokenWord(string Word, double Start, double End, int Offset, int Length, bool Approximate = false);
