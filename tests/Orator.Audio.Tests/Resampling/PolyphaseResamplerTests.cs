using Orator.Audio.Resampling;

namespace Orator.Audio.Tests.Resampling;

public sealed class PolyphaseResamplerTests
{
    public static TheoryData<int> EngineRates => new() { 8000, 16000, 22050 };

    public static TheoryData<int, int> RatePairs => new()
    {
        { 8000, 24000 },
        { 16000, 24000 },
        { 22050, 24000 },
        { 48000, 24000 },
        { 24000, 16000 },
    };

    [Theory]
    [MemberData(nameof(EngineRates))]
    public void A_1kHz_sine_keeps_its_frequency_when_resampled_to_24kHz(int inputRate)
    {
        using var resampler = new PolyphaseResampler(inputRate, 24000);
        short[] output = StreamRunner.Resample(resampler, Signals.Sine(inputRate, 1000, 1.0));

        double frequency = Signals.ZeroCrossingFrequency(output.AsSpan(2400, 19200), 24000);

        Assert.InRange(frequency, 999.5, 1000.5);
    }

    [Theory]
    [MemberData(nameof(EngineRates))]
    public void A_1kHz_sine_keeps_its_amplitude_within_half_a_decibel(int inputRate)
    {
        short[] input = Signals.Sine(inputRate, 1000, 1.0);
        using var resampler = new PolyphaseResampler(inputRate, 24000);
        short[] output = StreamRunner.Resample(resampler, input);

        // Steady-state parts, a whole number of 1 kHz periods long at each rate.
        double inputRms = Signals.Rms(input.AsSpan(inputRate / 10, inputRate / 2));
        double outputRms = Signals.Rms(output.AsSpan(2400, 12000));

        Assert.InRange(Signals.Decibels(outputRms / inputRms), -0.5, 0.5);
    }

    [Theory]
    [InlineData(48000, 24000, 15000)]
    [InlineData(24000, 16000, 10000)]
    [InlineData(22050, 16000, 9000)]
    public void A_tone_above_the_output_nyquist_is_attenuated_by_at_least_60_dB(int inputRate, int outputRate, double frequency)
    {
        short[] input = Signals.Sine(inputRate, frequency, 1.0, amplitude: 30000);
        using var resampler = new PolyphaseResampler(inputRate, outputRate);
        short[] output = StreamRunner.Resample(resampler, input);

        // Steady state only: the abrupt start and end of the test tone are broadband clicks.
        double attenuation = Signals.Decibels(
            Signals.Rms(output.AsSpan(outputRate / 10, outputRate * 8 / 10)) / Signals.Rms(input));

        Assert.True(attenuation <= -60, $"aliased tone only {attenuation:F1} dB down");
    }

    [Theory]
    [MemberData(nameof(RatePairs))]
    public void Processing_in_random_chunks_gives_exactly_the_one_shot_output(int inputRate, int outputRate)
    {
        short[] input = Signals.SpeechLike(inputRate, 0.8);
        using var resampler = new PolyphaseResampler(inputRate, outputRate);

        short[] oneShot = StreamRunner.Resample(resampler, input);
        short[] chunked = StreamRunner.Resample(resampler, input, Signals.RandomChunks(input.Length, 700, seed: inputRate));

        Assert.Equal(oneShot, chunked);
    }

    [Theory]
    [MemberData(nameof(RatePairs))]
    public void Output_length_follows_the_rate_ratio(int inputRate, int outputRate)
    {
        foreach (int length in new[] { 0, 1, 2, 3, 147, 1000, 22051, 48000 })
        {
            using var resampler = new PolyphaseResampler(inputRate, outputRate);
            short[] output = StreamRunner.Resample(resampler, new short[length]);

            double expected = (double)length * outputRate / inputRate;
            Assert.InRange(output.Length, expected - 1, expected + 1);
        }
    }

    [Theory]
    [MemberData(nameof(EngineRates))]
    public void Chunk_borders_add_no_clicks_to_a_smooth_sine(int inputRate)
    {
        short[] input = Signals.Sine(inputRate, 440, 0.5, amplitude: 20000);
        using var resampler = new PolyphaseResampler(inputRate, 24000);
        short[] oneShot = StreamRunner.Resample(resampler, input);
        short[] chunked = StreamRunner.Resample(resampler, input, Signals.RandomChunks(input.Length, 50, seed: 3));

        // Skip the start, where the sine itself steps in from silence.
        Assert.True(Signals.MaxStep(chunked.AsSpan(200)) <= Signals.MaxStep(oneShot.AsSpan(200)) + 1);
    }

    [Theory]
    [MemberData(nameof(RatePairs))]
    public void An_impulse_lands_at_the_same_time_in_the_output(int inputRate, int outputRate)
    {
        var input = new short[inputRate / 2];
        int at = inputRate / 10;
        input[at] = 20000;
        using var resampler = new PolyphaseResampler(inputRate, outputRate);
        short[] output = StreamRunner.Resample(resampler, input);

        int peak = IndexOfMaxAbs(output);
        double expected = (double)at * outputRate / inputRate;

        Assert.InRange(peak, expected - 1, expected + 1);
    }

    [Fact]
    public void A_step_onset_reaches_half_height_where_the_input_steps()
    {
        var input = new short[16000];
        input.AsSpan(4000).Fill(10000);
        using var resampler = new PolyphaseResampler(16000, 24000);
        short[] output = StreamRunner.Resample(resampler, input);

        int halfway = Array.FindIndex(output, s => s >= 5000);

        Assert.InRange(halfway, 6000 - 1, 6000 + 1);
    }

    [Fact]
    public void Equal_rates_copy_samples_unchanged()
    {
        short[] input = Signals.SpeechLike(24000, 0.2);
        using var resampler = new PolyphaseResampler(24000, 24000);

        short[] output = StreamRunner.Resample(resampler, input, Signals.RandomChunks(input.Length, 300, seed: 1));

        Assert.True(resampler.IsPassthrough);
        Assert.Equal(input, output);
    }

    [Fact]
    public void Full_scale_input_is_clamped_instead_of_wrapping_around()
    {
        // A full-scale square wave overshoots (Gibbs) after band-limiting; it must saturate.
        var full = new short[4000];
        var half = new short[4000];
        for (int i = 0; i < full.Length; i++)
        {
            full[i] = (i / 20) % 2 == 0 ? (short)32766 : (short)-32766;
            half[i] = (short)(full[i] / 2);
        }

        using var resampler = new PolyphaseResampler(16000, 24000);
        short[] fullOutput = StreamRunner.Resample(resampler, full);
        short[] halfOutput = StreamRunner.Resample(resampler, half);

        int clamped = 0;
        for (int i = 0; i < fullOutput.Length; i++)
        {
            int expected = Math.Clamp(2 * halfOutput[i], short.MinValue, short.MaxValue);
            Assert.InRange(fullOutput[i], expected - 2, expected + 2);
            clamped += expected is short.MaxValue or short.MinValue ? 1 : 0;
        }

        Assert.True(clamped > 0, "the test signal should overshoot");
    }

    [Fact]
    public void A_too_small_output_span_is_rejected()
    {
        using var resampler = new PolyphaseResampler(16000, 24000);

        Assert.Throws<ArgumentException>(() => resampler.Process(new short[1000], new short[10]));
    }

    [Fact]
    public void Flush_resets_the_resampler_for_a_new_stream()
    {
        short[] input = Signals.SpeechLike(16000, 0.3);
        using var resampler = new PolyphaseResampler(16000, 24000);

        short[] first = StreamRunner.Resample(resampler, input);
        short[] second = StreamRunner.Resample(resampler, input);

        Assert.Equal(first, second);
    }

    private static int IndexOfMaxAbs(short[] samples)
    {
        int best = 0;
        for (int i = 1; i < samples.Length; i++)
        {
            if (Math.Abs((int)samples[i]) > Math.Abs((int)samples[best]))
            {
                best = i;
            }
        }

        return best;
    }
}
