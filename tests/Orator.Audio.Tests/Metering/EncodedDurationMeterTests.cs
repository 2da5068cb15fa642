using Orator.Audio.Metering;

namespace Orator.Audio.Tests.Metering;

public sealed class EncodedDurationMeterTests
{
    [Fact]
    public void There_is_a_meter_for_every_response_format()
    {
        foreach (AudioFormat format in Enum.GetValues<AudioFormat>())
        {
            Assert.Equal(format, EncodedDurationMeter.For(format).Format);
        }
    }

    [Fact]
    public void A_format_that_does_not_exist_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => EncodedDurationMeter.For((AudioFormat)99));
    }

    [Theory]
    [InlineData(AudioFormat.Mp3)]
    [InlineData(AudioFormat.Opus)]
    [InlineData(AudioFormat.Aac)]
    [InlineData(AudioFormat.Flac)]
    [InlineData(AudioFormat.Wav)]
    public void Before_any_bytes_a_container_or_framed_format_is_not_known(AudioFormat format)
    {
        Assert.Null(EncodedDurationMeter.For(format).Seconds);
    }

    [Fact]
    public void Empty_chunks_change_nothing()
    {
        EncodedDurationMeter meter = EncodedDurationMeter.For(AudioFormat.Wav);
        byte[] wav = MeteredStreams.Encoded(AudioFormat.Wav, 1.5);

        for (int i = 0; i < wav.Length; i += 1000)
        {
            meter.Observe([]);
            meter.Observe(wav.AsSpan(i, Math.Min(1000, wav.Length - i)));
        }

        Assert.Equal(1.5, meter.Seconds);
    }
}
