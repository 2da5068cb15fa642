using Orator.Speech.Captions;

namespace Orator.Speech.Tests.Captions;

/// <summary>How cue times are written.</summary>
public sealed class CaptionTimestampTests
{
    [Theory]
    [InlineData(0, "00:00:00,000")]
    [InlineData(1.2344, "00:00:01,234")]
    [InlineData(1.2346, "00:00:01,235")]
    [InlineData(59.9996, "00:01:00,000")]
    [InlineData(3661.5, "01:01:01,500")]
    [InlineData(360_000, "100:00:00,000")]
    [InlineData(-2, "00:00:00,000")]
    public void Times_are_rounded_to_the_millisecond_with_hours_always_present(double seconds, string expected)
    {
        Assert.Equal(expected, CaptionTimestamp.ToString(seconds, ','));
        Assert.Equal(expected.Replace(',', '.'), CaptionTimestamp.ToString(seconds, '.'));
    }
}
