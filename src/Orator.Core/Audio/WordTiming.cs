namespace Orator.Core.Audio;

/// <summary>
/// Where one word of a segment is in the audio an engine wrote for that segment.
/// </summary>
/// <param name="Segment">The 0-based segment (index into <see cref="Engines.SynthesisRequest.Segments"/>).</param>
/// <param name="TextOffset">Offset of the word's first UTF-16 code unit in that segment's text.</param>
/// <param name="TextLength">Length of the word in UTF-16 code units (at least 1).</param>
/// <param name="StartSample">
/// First sample of the word, counted from the first sample the engine wrote for this segment
/// (sample 0), at the voice's rate.
/// </param>
/// <param name="EndSample">Sample just past the word, on the same count; not before <paramref name="StartSample"/>.</param>
/// <param name="Approximate">True when the engine estimated the times (spread by phoneme counts) rather than knowing them.</param>
public readonly record struct WordTiming(int Segment, int TextOffset, int TextLength, long StartSample, long EndSample, bool Approximate);
