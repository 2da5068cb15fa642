using Orator.Audio.Encoding;

namespace Orator.Audio.Tests.Encoding;

public sealed class AudioEncoderFactoryTests
{
    // The test machine installs every codec library (scripts/install-deps.sh), so all six formats
    // must be available; a missing one is a packaging bug the tests should catch.
    [Fact]
    public void All_six_formats_are_available_where_the_codec_packages_are_installed()
    {
        Assert.Equal([AudioFormat.Mp3, AudioFormat.Opus, AudioFormat.Aac, AudioFormat.Flac, AudioFormat.Wav, AudioFormat.Pcm], AudioEncoderFactory.SupportedFormats);
        Assert.All(AudioEncoderFactory.Availability, a => Assert.Null(a.Problem));
    }

    [Theory]
    [InlineData(AudioFormat.Mp3, "audio/mpeg")]
    [InlineData(AudioFormat.Opus, "audio/opus")]
    [InlineData(AudioFormat.Aac, "audio/aac")]
    [InlineData(AudioFormat.Flac, "audio/flac")]
    [InlineData(AudioFormat.Wav, "audio/wav")]
    [InlineData(AudioFormat.Pcm, "audio/pcm")]
    public void Created_encoders_report_their_format_rate_and_content_type(AudioFormat format, string contentType)
    {
        using IAudioEncoder encoder = AudioEncoderFactory.Create(format, AudioEncoderFactory.OutputSampleRate);

        Assert.Equal(format, encoder.Format);
        Assert.Equal(24000, encoder.SampleRate);
        Assert.Equal(contentType, encoder.ContentType);
    }
}
