using Orator.Speech.Captions;

namespace Orator.Speech.Tests.Captions;

/// <summary>When cues appear and disappear.</summary>
public sealed class CaptionTimingTests
{
    [Fact]
    public void A_cue_runs_from_its_first_word_start_to_its_last_word_end()
    {
        SpokenWord[] words = [new("Hello", 0.25, 0.6, 0, 5), new("world", 0.7, 1.2345, 6, 5)];

        CaptionCue cue = Assert.Single(CaptionBuilder.Build("Hello world.", words).Cues);

        Assert.Equal(new CaptionCue(0.25, 1.235, "Hello world."), cue);
    }

    [Fact]
    public void A_sentence_longer_than_seven_seconds_is_split_into_cues_of_at_most_seven()
    {
        CaptionTrack track = CaptionBuilder.Build("one two three four five", TimedWords.WithDurations("one two three four five", 2, 2, 2, 2, 2));

        Assert.Equal(["one two three", "four five"], track.Cues.Select(cue => cue.Text));
        Assert.All(track.Cues, cue => Assert.True(cue.End - cue.Start <= 7));
    }

    [Fact]
    public void A_single_word_longer_than_seven_seconds_keeps_its_length()
    {
        CaptionTrack track = CaptionBuilder.Build("Ommmmm now", TimedWords.WithDurations("Ommmmm now", 9, 0.5));

        Assert.Equal([new CaptionCue(0, 9, "Ommmmm"), new CaptionCue(9, 9.5, "now")], track.Cues);
    }

    /// <summary>Words of two one-word sentences (start, end of each), then the two cues' times expected.</summary>
    public static TheoryData<double[], double[]> Degenerate { get; } = new()
    {
        { [1, 1, 3, 4], [1, 1.5, 3, 4] }, // zero length: half a second, room to spare
        { [1, 0.5, 3, 4], [1, 1.5, 3, 4] }, // negative length: the same
        { [1, 1, 1.2, 2], [1, 1.2, 1.2, 2] }, // lengthened only up to the next cue
        { [1, 1, 1, 2], [1, 1.5, 1.5, 2] }, // the next starts at the same instant: it starts later
        { [1, 3, 2.5, 4], [1, 2.5, 2.5, 4] }, // overlapping: clamped to the next start
        { [1, 1.2, 5, 6], [1, 1.5, 5, 6] }, // shorter than the minimum: lengthened
    };

    [Theory]
    [MemberData(nameof(Degenerate))]
    public void Cues_never_overlap_and_never_last_nothing(double[] wordTimes, double[] cueTimes)
    {
        SpokenWord[] words = [new("One", wordTimes[0], wordTimes[1], 0, 3), new("Two", wordTimes[2], wordTimes[3], 5, 3)];

        CaptionTrack track = CaptionBuilder.Build("One. Two.", words);

        Assert.Equal([cueTimes[0], cueTimes[1], cueTimes[2], cueTimes[3]], track.Cues.SelectMany(cue => new[] { cue.Start, cue.End }));
    }

    [Fact]
    public void The_minimum_length_is_a_rule_of_its_own()
    {
        SpokenWord[] words = [new("One", 1, 1, 0, 3)];

        CaptionCue cue = Assert.Single(CaptionBuilder.Build("One.", words, new CaptionRules { MinCueSeconds = 2 }).Cues);

        Assert.Equal(3, cue.End);
    }
}
