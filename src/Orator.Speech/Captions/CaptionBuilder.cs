namespace Orator.Speech.Captions;

/// <summary>
/// Builds caption cues from an input text and its timed words: at most two lines of at most 42
/// characters, at most 7 seconds each, broken at sentence ends, then clause ends, never inside a word.
/// Pure: the same text and words always give the same cues. The rules are in docs/architecture/captions.md.
/// </summary>
public static class CaptionBuilder
{
    /// <summary>Builds the cues for <paramref name="words"/> spoken from <paramref name="text"/>.</summary>
    /// <param name="text">The input text the words' offsets point into.</param>
    /// <param name="words">The words in text order, none overlapping the one before; may be empty.</param>
    /// <param name="rules">The line and duration limits; <see cref="CaptionRules.Default"/> when null.</param>
    /// <returns>The words and their cues.</returns>
    /// <exception cref="ArgumentException">A word lies outside the text, overlaps the word before it, or has a time that is not finite.</exception>
    public static CaptionTrack Build(string text, IReadOnlyList<SpokenWord> words, CaptionRules? rules = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(words);
        rules ??= CaptionRules.Default;
        SpokenWord[] copy = [.. words];
        if (copy.Length == 0)
        {
            return CaptionTrack.Empty;
        }

        CaptionTokens tokens = CaptionTokenizer.Tokenize(text, copy);
        List<CueRange> ranges = CueSegmenter.Segment(tokens, rules);
        return new CaptionTrack(copy, CueTimeline.Place(tokens, ranges, rules));
    }
}
