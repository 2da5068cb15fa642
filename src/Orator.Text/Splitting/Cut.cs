namespace Orator.Text.Splitting;

/// <summary>Where a long segment is cut: the left piece ends at <see cref="LeftEnd"/>, the rest starts at <see cref="RightStart"/>.</summary>
internal readonly record struct Cut(int LeftEnd, int RightStart, ChunkBreak Break);
