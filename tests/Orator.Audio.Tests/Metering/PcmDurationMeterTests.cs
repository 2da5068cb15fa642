namespace Orator.Audio.Tests.Metering;

public sealed class PcmDurationMeterTests
{
    // Exact: raw pcm is nothing but the samples, so whole samples seen / 24 kHz is the duration.
    [Theory]
    [MemberData(nameof(MeteredStreams.LengthsAndFeedings), MemberType = typeof(MeteredStreams))]
    public void Pcm_is_its_bytes_over_two_bytes_a_sample_at_24kHz_exactly(double seconds, Feeding feeding)
    {
        byte[] pcm = MeteredStreams.Encoded(AudioFormat.Pcm, seconds);

        double? measured = MeterRun.Seconds(AudioFormat.Pcm, pcm, feeding);

        Assert.Equal((double)MeteredStreams.SamplesIn(seconds) / Signals.Rate, measured);
    }

    [Fact]
    public void A_half_sample_at_the_end_of_a_cut_off_stream_does_not_count()
    {
        Assert.Equal(2.0 / Signals.Rate, MeterRun.Seconds(AudioFormat.Pcm, new byte[5], Feeding.OneByteAtATime));
    }

    [Fact]
    public void No_bytes_are_no_seconds()
    {
        Assert.Equal(0.0, MeterRun.Seconds(AudioFormat.Pcm, [], Feeding.Whole));
    }
}
