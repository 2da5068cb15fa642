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

    [Fact]
    public void The_startup_report_lists_every_format_as_usable_and_finds_libavcodec_on_disk()
    {
        var report = AudioEncoderFactory.ReportWithoutLoadingAac();

        Assert.Equal(Enum.GetValues<AudioFormat>(), report.Select(r => r.Format));
        Assert.All(report, r => Assert.Null(r.Problem));
        Assert.All(report.Where(r => r.Format != AudioFormat.Aac), r => Assert.True(r.Probed));
        Assert.True(Orator.Audio.Encoding.Aac.AacRuntime.LibrariesInstalled());
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
