using Orator.Core.Audio;
using static Orator.Server.Tests.Api.SpeechBodies;

namespace Orator.Server.Tests.Api;

/// <summary>The <c>sample_rate</c> field (Speaches clients): the rates each format can be asked for, and nothing else.</summary>
public sealed class SampleRateParsingTests
{
    public static TheoryData<string, int> AllowedPairs
    {
        get
        {
            var data = new TheoryData<string, int>();
            foreach (var format in new[] { "pcm", "wav", "flac" })
            {
                foreach (var rate in new[] { 8000, 16000, 22050, 24000, 44100, 48000 })
                {
                    data.Add(format, rate);
                }
            }

            foreach (var rate in new[] { 8000, 12000, 16000, 24000, 48000 })
            {
                data.Add("opus", rate);
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(AllowedPairs))]
    public void Each_allowed_rate_of_a_format_is_carried_to_the_request(string format, int rate)
    {
        var request = ParseValid(With(("response_format", Quoted(format)), ("sample_rate", rate.ToString(System.Globalization.CultureInfo.InvariantCulture))));

        Assert.Equal(rate, request.SampleRate);
    }

    [Fact]
    public void Without_sample_rate_or_with_null_the_default_applies()
    {
        Assert.Null(ParseValid(With(("response_format", "\"wav\""))).SampleRate);
        Assert.Null(ParseValid(With(("response_format", "\"wav\""), ("sample_rate", "null"))).SampleRate);
    }

    [Fact]
    public void The_format_may_come_after_the_rate()
    {
        var request = ParseValid("""{"model":"tts-1","input":"Hi.","voice":"alloy","sample_rate":44100,"response_format":"flac"}""");

        Assert.Equal((44100, AudioFormat.Flac), (request.SampleRate!.Value, request.ResponseFormat));
    }

    [Theory]
    [InlineData("mp3", 24000)]
    [InlineData("aac", 44100)]
    public void A_rate_for_mp3_or_aac_is_a_400_that_names_the_formats_that_take_one(string format, int rate)
    {
        var error = ParseInvalid(With(("response_format", Quoted(format)), ("sample_rate", rate.ToString(System.Globalization.CultureInfo.InvariantCulture))));

        Assert.Equal("sample_rate", error.Param);
        Assert.Equal("invalid_value", error.Code);
        Assert.Equal($"Invalid value for 'sample_rate': {rate}. response_format '{format}' is always 24000 Hz: leave sample_rate out, or use opus, flac, wav, pcm.", error.Message);
    }

    [Fact]
    public void A_rate_with_the_default_mp3_is_a_400()
    {
        Assert.Equal("sample_rate", ParseInvalid(With(("sample_rate", "24000"))).Param);
    }

    [Theory]
    [InlineData("opus", "44100", "8000, 12000, 16000, 24000, 48000")]
    [InlineData("opus", "22050", "8000, 12000, 16000, 24000, 48000")]
    [InlineData("wav", "12000", "8000, 16000, 22050, 24000, 44100, 48000")]
    [InlineData("pcm", "96000", "8000, 16000, 22050, 24000, 44100, 48000")]
    [InlineData("flac", "0", "8000, 16000, 22050, 24000, 44100, 48000")]
    [InlineData("pcm", "-24000", "8000, 16000, 22050, 24000, 44100, 48000")]
    public void Another_rate_is_a_400_listing_the_format_s_rates(string format, string rate, string allowed)
    {
        var error = ParseInvalid(With(("response_format", Quoted(format)), ("sample_rate", rate)));

        Assert.Equal("sample_rate", error.Param);
        Assert.Equal($"Invalid value for 'sample_rate': {rate}. Supported values for response_format '{format}' are: {allowed}.", error.Message);
    }

    [Theory]
    [InlineData("\"24000\"", "invalid_type")]
    [InlineData("true", "invalid_type")]
    [InlineData("[24000]", "invalid_type")]
    [InlineData("{}", "invalid_type")]
    [InlineData("24000.5", "invalid_type")]
    [InlineData("1e400", "invalid_type")]
    [InlineData("99999999999", "invalid_type")]
    public void A_rate_that_is_not_a_whole_number_is_a_400(string raw, string code)
    {
        var error = ParseInvalid(With(("response_format", "\"wav\""), ("sample_rate", raw)));

        Assert.Equal("sample_rate", error.Param);
        Assert.Equal(code, error.Code);
    }
}
