namespace Orator.Speech.Captions;

/// <summary>
/// The limits a cue is built to. The defaults are those of demanding subtitle style guides: two lines
/// of at most 42 characters, at most 7 seconds on screen. Each setter rejects an out-of-range value.
/// </summary>
public sealed record CaptionRules
{
    /// <summary>42 characters a line, 7 seconds a cue, at least 0.5 seconds where the next cue leaves room.</summary>
    public static CaptionRules Default { get; } = new();

    /// <summary>Longest line in text elements (default 42, at least 8); a longer single word gets a line of its own.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Less than 8.</exception>
    public int MaxLineCharacters
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 8);
            field = value;
        }
    } = 42;

    /// <summary>Longest cue from its first word's start to its last word's end (default 7 s); one word alone may last longer.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Not a positive, finite number.</exception>
    public double MaxCueSeconds
    {
        get;
        init
        {
            if (!double.IsFinite(value) || value <= 0)
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, "MaxCueSeconds must be positive and finite.");
            }

            field = value;
        }
    } = 7.0;

    /// <summary>
    /// Shortest time a cue stays up (default 0.5 s): a shorter cue is lengthened up to the next cue's
    /// start; one with no room at all (the next starts at the same instant) pushes the next cue later.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Less than a millisecond, or not finite.</exception>
    public double MinCueSeconds
    {
        get;
        init
        {
            if (!double.IsFinite(value) || value < 0.001)
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, "MinCueSeconds must be at least 0.001 and finite.");
            }

            field = value;
        }
    } = 0.5;
}
