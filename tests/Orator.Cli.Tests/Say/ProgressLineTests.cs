using Orator.Cli.Commands.Say;

namespace Orator.Cli.Tests.Say;

public sealed class ProgressLineTests
{
    [Fact]
    public void A_report_has_percent_characters_audio_elapsed_and_an_estimate()
    {
        var line = ProgressLine.Format(new ProgressSnapshot(250_000, 4 * 3600 + 5), 1_000_000, TimeSpan.FromSeconds(90));

        Assert.Equal("25% 250,000/1,000,000 characters, 4:00:05 of audio, 1:30 elapsed, ETA 4:30", line);
    }

    [Fact]
    public void There_is_no_estimate_before_anything_is_done_or_in_the_first_seconds()
    {
        Assert.EndsWith("ETA --:--", ProgressLine.Format(new ProgressSnapshot(0, 0), 100, TimeSpan.FromSeconds(30)), StringComparison.Ordinal);
        Assert.EndsWith("ETA --:--", ProgressLine.Format(new ProgressSnapshot(50, 3), 100, TimeSpan.FromSeconds(1)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, "0:00")]
    [InlineData(59.9, "0:59")]
    [InlineData(61, "1:01")]
    [InlineData(3600, "1:00:00")]
    [InlineData(36_000 + 62, "10:01:02")]
    public void Clock_shows_minutes_and_seconds_and_hours_from_one_hour(double seconds, string text) =>
        Assert.Equal(text, ProgressLine.Clock(TimeSpan.FromSeconds(seconds)));

    [Fact]
    public void Percent_is_whole_and_clamped() =>
        Assert.Equal([0, 33, 100, 100], new[] { ProgressLine.Percent(0, 3), ProgressLine.Percent(1, 3), ProgressLine.Percent(5, 3), ProgressLine.Percent(0, 0) });
}
