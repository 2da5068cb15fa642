using Orator.Audio.Stretch;

namespace Orator.Audio.Tests.Stretch;

public sealed class WsolaTimeStretcherTests
{
    public static TheoryData<int, double> RatesAndTempos()
    {
        var data = new TheoryData<int, double>();
        foreach (int rate in new[] { 8000, 16000, 22050 })
        {
            foreach (double tempo in new[] { 0.25, 0.5, 2.0, 4.0 })
            {
                data.Add(rate, tempo);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RatesAndTempos))]
    public void Output_duration_is_the_input_duration_divided_by_the_tempo(int sampleRate, double tempo)
    {
        short[] input = Signals.SpeechLike(sampleRate, 2.0);
        using var stretcher = new WsolaTimeStretcher(sampleRate, tempo);

        short[] output = StreamRunner.Stretch(stretcher, input, Signals.RandomChunks(input.Length, 2000, seed: 5));

        double expected = input.Length / tempo;
        Assert.InRange(output.Length, expected * 0.98, expected * 1.02);
    }

    [Theory]
    [InlineData(0.25)]
    [InlineData(0.5)]
    [InlineData(2.0)]
    [InlineData(4.0)]
    public void The_pitch_of_a_200Hz_harmonic_tone_is_kept(double tempo)
    {
        short[] input = Signals.HarmonicTone(16000, 200, 2.0);
        using var stretcher = new WsolaTimeStretcher(16000, tempo);
        short[] output = StreamRunner.Stretch(stretcher, input);

        double dominant = Signals.DominantFrequency(output.AsSpan(0, 8000), 16000, 100, 700);

        Assert.InRange(dominant, 200 * 0.97, 200 * 1.03);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(0.8)]
    [InlineData(1.25)]
    [InlineData(2.0)]
    public void A_steady_tone_keeps_its_level_without_dropouts(double tempo)
    {
        short[] input = Signals.HarmonicTone(16000, 180, 2.0);
        using var stretcher = new WsolaTimeStretcher(16000, tempo);
        short[] output = StreamRunner.Stretch(stretcher, input);

        double inputRms = Signals.Rms(input);
        for (int start = 400; start + 800 < output.Length - 400; start += 800)
        {
            // 50 ms windows: a misaligned overlap-add would show as a dip here.
            double level = Signals.Decibels(Signals.Rms(output.AsSpan(start, 800)) / inputRms);
            Assert.InRange(level, -1.0, 1.0);
        }
    }

    [Fact]
    public void Tempo_one_copies_samples_unchanged()
    {
        short[] input = Signals.SpeechLike(16000, 0.5);
        using var stretcher = new WsolaTimeStretcher(16000, 1.0);

        short[] output = StreamRunner.Stretch(stretcher, input, Signals.RandomChunks(input.Length, 500, seed: 2));

        Assert.True(stretcher.IsPassthrough);
        Assert.Equal(input, output);
    }

    [Theory]
    [InlineData(0.25)]
    [InlineData(0.7)]
    [InlineData(1.5)]
    [InlineData(4.0)]
    public void Processing_in_random_chunks_gives_exactly_the_one_shot_output(double tempo)
    {
        short[] input = Signals.SpeechLike(16000, 1.5);
        using var stretcher = new WsolaTimeStretcher(16000, tempo);

        short[] oneShot = StreamRunner.Stretch(stretcher, input);
        short[] chunked = StreamRunner.Stretch(stretcher, input, Signals.RandomChunks(input.Length, 900, seed: 11));

        Assert.Equal(oneShot, chunked);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(2.0)]
    public void An_onset_moves_to_its_scaled_time(double tempo)
    {
        // Silence, then a tone from 1.0 s on.
        var input = new short[32000];
        short[] tone = Signals.HarmonicTone(16000, 150, 1.0);
        tone.CopyTo(input, 16000);
        using var stretcher = new WsolaTimeStretcher(16000, tempo);
        short[] output = StreamRunner.Stretch(stretcher, input);

        int onset = Array.FindIndex(output, s => Math.Abs((int)s) > 2000);
        double expected = 16000 / tempo;

        // Within a frame (25 ms) plus the search tolerance (10 ms).
        Assert.InRange(onset, expected - 560, expected + 560);
    }

    [Fact]
    public void A_tempo_outside_a_quarter_to_four_is_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new WsolaTimeStretcher(16000, 0.2));
        Assert.Throws<ArgumentOutOfRangeException>(() => new WsolaTimeStretcher(16000, 4.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => new WsolaTimeStretcher(16000, double.NaN));
    }

    [Fact]
    public void Flush_resets_the_stretcher_for_a_new_stream()
    {
        short[] input = Signals.SpeechLike(16000, 0.4);
        using var stretcher = new WsolaTimeStretcher(16000, 1.3);

        short[] first = StreamRunner.Stretch(stretcher, input);
        short[] second = StreamRunner.Stretch(stretcher, input);

        Assert.Equal(first, second);
    }

    [Fact]
    public void Very_short_input_still_gets_the_scaled_length()
    {
        using var stretcher = new WsolaTimeStretcher(16000, 0.5);

        short[] output = StreamRunner.Stretch(stretcher, Signals.Sine(16000, 300, 0.005));

        Assert.Equal(160, output.Length);
    }
}
