namespace Orator.Text.Splitting;

/// <summary>A span of the input between two natural breaks, trimmed of white space: [Start, End).</summary>
internal readonly record struct Segment(int Start, int End, ChunkBreak Break);
