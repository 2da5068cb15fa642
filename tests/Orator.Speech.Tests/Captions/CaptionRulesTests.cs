using Orator.Speech.Captions;

namespace Orator.Speech.Tests.Captions;

/// <summary>The limits cues are built to.</summary>
public sealed class CaptionRulesTests
{
    [Fact]
    public void The_defaults_are_two_lines_of_42_characters_and_seven_seconds()
    {
        Assert.Equal((42, 7.0, 0.5), (CaptionRules.Default.MaxLineCharacters, CaptionRules.Default.MaxCueSeconds, CaptionRules.Default.MinCueSeconds));
    }

    public static TheoryData<Func<CaptionRules>> OutOfRange { get; } = new()
    {
        () => new CaptionRules { MaxLineCharacters = 7 },
        () => new CaptionRules { MaxCueSeconds = 0 },
        () => new CaptionRules { MaxCueSeconds = double.PositiveInfinity },
        () => new CaptionRules { MinCueSeconds = 0 },
        () => new CaptionRules { MinCueSeconds = double.NaN },
    };

    [Theory]
    [MemberData(nameof(OutOfRange))]
    public void An_out_of_range_limit_is_rejected_when_set(Func<CaptionRules> create)
    {
        Assert.Throws<ArgumentOutOfRangeException>(create);
    }

    [Fact]
    public void A_shorter_line_limit_gives_shorter_lines()
    {
        const string Text = "The quick brown fox jumps over the lazy dog.";
        var rules = new CaptionRules { MaxLineCharacters = 20 };

        CaptionTrack track = CaptionBuilder.Build(Text, TimedWords.For(Text), rules);

        string[] lines = [.. track.Cues.SelectMany(cue => cue.Text.Split('\n'))];
        Assert.All(lines, line => Assert.InRange(line.Length, 1, 20));
        Assert.Equal(Text, string.Join(' ', lines));
    }
}
