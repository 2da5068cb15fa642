using Orator.Engines.Neural;

namespace Orator.Engines.Tests.Neural;

public sealed class NeuralAudioTests
{
    [Fact]
    public void Leading_and_trailing_silence_is_trimmed_keeping_the_margin()
    {
        var audio = new float[100];
        audio.AsSpan(30, 20).Fill(0.5f);

        Assert.Equal(25..55, NeuralAudio.Trim(audio, 5));
        Assert.Equal(30..50, NeuralAudio.Trim(audio, 0));
        Assert.Equal(0..0, NeuralAudio.Trim(new float[10], 5));
    }

    [Fact]
    public void Samples_beyond_full_scale_are_clamped_not_wrapped()
    {
        float[] audio = [1.7f, -2.5f, 0.5f, -1f];
        var pcm = new short[4];

        NeuralAudio.ToPcm16(audio, pcm, 0, 0);

        Assert.Equal([short.MaxValue, (short)-short.MaxValue, (short)16384, (short)-short.MaxValue], pcm);
    }

    [Fact]
    public void Fades_rise_and_fall_linearly_over_the_given_lengths()
    {
        var audio = Enumerable.Repeat(1f, 20).ToArray();
        var pcm = new short[20];

        NeuralAudio.ToPcm16(audio, pcm, 4, 4);

        Assert.True(pcm[0] < pcm[1] && pcm[1] < pcm[2] && pcm[2] < pcm[3] && pcm[3] < pcm[4]);
        Assert.Equal(short.MaxValue, pcm[10]);
        Assert.True(pcm[19] < pcm[18] && pcm[18] < pcm[17] && pcm[17] < pcm[16]);
        Assert.Equal(pcm[0], pcm[19]);
    }
}
