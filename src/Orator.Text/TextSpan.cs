namespace Orator.Text;

/// <summary>A range of UTF-16 code units in a string: where it starts and how many it holds.</summary>
/// <param name="Start">The index of the first code unit.</param>
/// <param name="Length">How many code units the range holds; 0 for a position between characters.</param>
public readonly record struct TextSpan(int Start, int Length)
{
    /// <summary>The index just past the range.</summary>
    public int End => Start + Length;
}
