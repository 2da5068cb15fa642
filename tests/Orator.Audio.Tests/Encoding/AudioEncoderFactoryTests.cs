using Orator.Audio.Encoding;
using Orator.Core.Audio;

namespace Orator.Audio.Tests.Encoding;

public sealed class AudioEncoderFactoryTests
{
    [Fact]
    public void Wav_and_pcm_are_the_supported_formats()
    {
        Assert.Equal([AudioFormat.Wav, AudioFormat.Pcm], AudioEncoderFactory.SupportedFormats);
        Assert.True(AudioEncoderFactory.IsSupported(AudioFormat.Wav));
        Assert.True(AudioEncoderFactory.IsSupported(AudioFormat.Pcm));
        Assert.False(AudioEncoderFactory.IsSupported(AudioFormat.Mp3));
    }

    [Theory]
    [InlineData(AudioFormat.Mp3)]
    [InlineData(AudioFormat.Opus)]
    [InlineData(AudioFormat.Aac)]
    [InlineData(AudioFormat.Flac)]
    public void Creating_a_format_without_an_encoder_throws_a_clear_not_supported_exception(AudioFormat format)
    {
        var exception = Assert.Throws<NotSupportedException>(() => AudioEncoderFactory.Create(format, 24000));

        Assert.Contains(format.ToString().ToLowerInvariant(), exception.Message);
        Assert.Contains("wav", exception.Message);
    }

    [Theory]
    [InlineData(AudioFormat.Wav)]
    [InlineData(AudioFormat.Pcm)]
    public void Created_encoders_report_their_format_and_rate(AudioFormat format)
    {
        using IAudioEncoder encoder = AudioEncoderFactory.Create(format, 24000);

        Assert.Equal(format, encoder.Format);
        Assert.Equal(24000, encoder.SampleRate);
    }
}
