using Orator.Audio.Dsp;

namespace Orator.Audio.Tests.Dsp;

public sealed class SoftLimiterTests
{
    [Fact]
    public void Quiet_samples_are_scaled_exactly()
    {
        short[] samples = [0, 1000, -1000, 5000, -5000];

        SoftLimiter.Apply(samples, 4f);

        Assert.Equal([0, 4000, -4000, 20000, -20000], samples);
    }

    [Fact]
    public void No_gain_up_to_four_times_reaches_full_scale_and_the_curve_only_rises()
    {
        var input = Enumerable.Range(0, 65536).Select(i => (short)(i - 32768)).ToArray();
        var output = (short[])input.Clone();

        SoftLimiter.Apply(output, 4f);

        Assert.All(output, s => Assert.InRange(s, -SoftLimiter.MaxOutput, SoftLimiter.MaxOutput));
        for (var i = 1; i < output.Length; i++)
        {
            Assert.True(output[i] >= output[i - 1], $"not monotonic at {input[i]}");
        }
    }

    [Fact]
    public void The_knee_has_no_corner()
    {
        // Just above the knee (70 % of full scale) the slope is still the gain.
        short[] samples = [(short)(0.7 * 32768 / 2), (short)((0.7 * 32768 / 2) + 100)];

        SoftLimiter.Apply(samples, 2f);

        Assert.InRange(samples[1] - samples[0], 195, 200);
    }
}
