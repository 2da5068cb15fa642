namespace Orator.Speech.Captions;

/// <summary>The words of a spoken text and the cues built from them: what every caption format writes.</summary>
/// <param name="Words">The timed words, in order.</param>
/// <param name="Cues">The cues, in order, none overlapping the next.</param>
public sealed record CaptionTrack(IReadOnlyList<SpokenWord> Words, IReadOnlyList<CaptionCue> Cues)
{
    /// <summary>No words and no cues: a valid, empty file in every format.</summary>
    public static CaptionTrack Empty { get; } = new([], []);
}
