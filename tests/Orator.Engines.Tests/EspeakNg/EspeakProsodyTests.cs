using Orator.Engines.EspeakNg;

namespace Orator.Engines.Tests.EspeakNg;

public sealed class EspeakProsodyTests
{
    [Theory]
    [InlineData(1f, 175)]
    [InlineData(2f, 350)]
    [InlineData(4f, 700)]
    [InlineData(10f, 700)]
    [InlineData(0.25f, 80)]
    [InlineData(float.NaN, 175)]
    [InlineData(0f, 175)]
    public void Rate_maps_to_words_per_minute_within_the_range(float rate, int expected)
        => Assert.Equal(expected, EspeakProsody.WordsPerMinute(rate, EspeakVoiceCatalog.Rates));

    [Theory]
    [InlineData(1f, 50)]
    [InlineData(1.1f, 60)]
    [InlineData(1.3f, 75)]
    [InlineData(0.91f, 40)]
    [InlineData(0.5f, 0)]
    [InlineData(3f, 100)]
    [InlineData(-1f, 50)]
    [InlineData(float.NaN, 50)]
    public void Pitch_multipliers_map_onto_espeaks_measured_pitch_scale(float pitch, int expected)
        => Assert.Equal(expected, EspeakProsody.Pitch(pitch));

    [Fact]
    public void Higher_multipliers_never_give_a_lower_pitch_setting()
    {
        var previous = -1;
        for (var pitch = 0.5f; pitch <= 2f; pitch += 0.01f)
        {
            var setting = EspeakProsody.Pitch(pitch);
            Assert.True(setting >= previous, $"pitch {pitch} gave {setting} after {previous}");
            previous = setting;
        }
    }
}
