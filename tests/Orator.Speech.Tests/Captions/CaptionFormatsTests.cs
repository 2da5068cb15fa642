using Orator.Speech.Captions;

namespace Orator.Speech.Tests.Captions;

/// <summary>Format names, file extensions and media types.</summary>
public sealed class CaptionFormatsTests
{
    [Theory]
    [InlineData("srt", CaptionFormat.Srt)]
    [InlineData("VTT", CaptionFormat.Vtt)]
    [InlineData(" Json ", CaptionFormat.Json)]
    public void A_format_name_is_read_ignoring_case(string name, CaptionFormat expected)
    {
        Assert.True(CaptionFormats.TryParse(name, out CaptionFormat format));
        Assert.Equal(expected, format);
    }

    [Theory]
    [InlineData("webvtt")]
    [InlineData("txt")]
    [InlineData("")]
    [InlineData(null)]
    public void An_unknown_format_name_is_not_read(string? name)
    {
        Assert.False(CaptionFormats.TryParse(name, out _));
    }

    [Theory]
    [InlineData("out.srt", CaptionFormat.Srt)]
    [InlineData("/tmp/talk.VTT", CaptionFormat.Vtt)]
    [InlineData(".json", CaptionFormat.Json)]
    public void A_format_is_read_from_a_file_extension(string path, CaptionFormat expected)
    {
        Assert.True(CaptionFormats.TryFromPath(path, out CaptionFormat format));
        Assert.Equal(expected, format);
    }

    [Theory]
    [InlineData("notes.txt")]
    [InlineData("srt")]
    [InlineData("")]
    [InlineData(null)]
    public void A_path_without_a_caption_extension_is_not_read(string? path)
    {
        Assert.False(CaptionFormats.TryFromPath(path, out _));
    }

    [Theory]
    [InlineData(CaptionFormat.Srt, "srt", ".srt", "text/srt; charset=utf-8")]
    [InlineData(CaptionFormat.Vtt, "vtt", ".vtt", "text/vtt; charset=utf-8")]
    [InlineData(CaptionFormat.Json, "json", ".json", "application/json")]
    public void Each_format_has_one_name_extension_and_media_type(CaptionFormat format, string name, string extension, string mediaType)
    {
        Assert.Equal((name, extension, mediaType), (CaptionFormats.Name(format), CaptionFormats.Extension(format), CaptionFormats.MediaType(format)));
    }

    [Fact]
    public void An_undefined_format_has_no_media_type()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CaptionFormats.MediaType((CaptionFormat)99));
    }
}
