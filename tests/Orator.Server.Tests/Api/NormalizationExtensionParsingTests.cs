using System.Text;
using Orator.Server.Api;
using Orator.Text.Normalization;
using static Orator.Server.Tests.Api.SpeechBodies;

namespace Orator.Server.Tests.Api;

/// <summary>The <c>normalization</c> request extension on speech and normalize bodies.</summary>
public sealed class NormalizationExtensionParsingTests
{
    [Fact]
    public void A_request_without_the_extension_normalizes_with_the_voice_conventions()
    {
        var request = ParseValid(With());
        Assert.True(request.Normalization.Enabled);
        Assert.Null(request.Normalization.Locale);
    }

    [Theory]
    [InlineData("true", true, null)]
    [InlineData("false", false, null)]
    [InlineData("null", true, null)]
    [InlineData("{}", true, null)]
    [InlineData("""{"enabled":false}""", false, null)]
    [InlineData("""{"enabled":true,"locale":"en-GB"}""", true, EnglishLocale.Gb)]
    [InlineData("""{"locale":"en-US"}""", true, EnglishLocale.Us)]
    [InlineData("""{"locale":null,"enabled":null}""", true, null)]
    public void Every_documented_form_of_the_extension_is_accepted(string raw, bool enabled, EnglishLocale? locale)
    {
        var request = ParseValid(With(("normalization", raw)));
        Assert.Equal(enabled, request.Normalization.Enabled);
        Assert.Equal(locale, request.Normalization.Locale);
    }

    [Theory]
    [InlineData("normalisation")]
    [InlineData("Normalization")]
    [InlineData("normalize")]
    [InlineData("lexicon")]
    public void Names_close_to_the_extension_stay_unknown_fields(string field)
    {
        var error = ParseInvalid(With((field, "false")));
        Assert.Equal($"Unrecognized request argument supplied: {field}", error.Message);
        Assert.Equal("unknown_parameter", error.Code);
        Assert.Equal(field, error.Param);
    }

    [Fact]
    public void An_unknown_member_inside_the_extension_is_rejected_by_its_full_name()
    {
        var error = ParseInvalid(With(("normalization", """{"enabled":true,"numbers":false}""")));
        Assert.Equal("Unrecognized request argument supplied: normalization.numbers", error.Message);
        Assert.Equal("normalization", error.Param);
    }

    [Theory]
    [InlineData("\"off\"")]
    [InlineData("0")]
    [InlineData("[]")]
    [InlineData("""{"enabled":"no"}""")]
    [InlineData("""{"locale":"en-AU"}""")]
    [InlineData("""{"locale":"EN-GB"}""")]
    [InlineData("""{"locale":5}""")]
    [InlineData("""{"enabled":true,"enabled":false}""")]
    public void A_malformed_extension_is_a_400_blaming_the_field(string raw)
    {
        var error = ParseInvalid(With(("normalization", raw)));
        Assert.Equal("normalization", error.Param);
    }

    [Fact]
    public void A_normalize_body_needs_only_input_and_gets_documented_defaults()
    {
        Assert.True(NormalizeRequestParser.TryParse("""{"input":"It costs $5."}"""u8, out var request, out var error), error?.Message);
        Assert.Equal("It costs $5.", request.Input);
        Assert.Equal("alloy", request.Voice);
        Assert.Equal("tts-1", request.Model);
        Assert.True(request.Normalization.Enabled);
    }

    [Fact]
    public void A_normalize_body_takes_voice_objects_models_and_the_extension()
    {
        var body = """{"input":"x","voice":{"id":"espeak:de"},"model":"espeak","normalization":{"locale":"en-GB"}}""";
        Assert.True(NormalizeRequestParser.TryParse(Encoding.UTF8.GetBytes(body), out var request, out var error), error?.Message);
        Assert.Equal("espeak:de", request.Voice);
        Assert.Equal("espeak", request.Model);
        Assert.Equal(EnglishLocale.Gb, request.Normalization.Locale);
    }

    [Theory]
    [InlineData("""{"voice":"alloy"}""", "input")]
    [InlineData("""{"input":""}""", "input")]
    [InlineData("""{"input":"x","speed":1}""", "speed")]
    [InlineData("""{"input":"x","response_format":"mp3"}""", "response_format")]
    [InlineData("""{"input":"x","input":"y"}""", "input")]
    [InlineData("""{"input":"x","normalization":"yes"}""", "normalization")]
    [InlineData("""{"input":"x","voice":7}""", "voice")]
    public void A_bad_normalize_body_is_a_400_naming_the_param(string body, string param)
    {
        Assert.False(NormalizeRequestParser.TryParse(Encoding.UTF8.GetBytes(body), out var request, out var error));
        Assert.Null(request);
        Assert.Equal(400, error.StatusCode);
        Assert.Equal("invalid_request_error", error.Type);
        Assert.Equal(param, error.Param);
    }

    [Theory]
    [InlineData("")]
    [InlineData("[1]")]
    [InlineData("{\"input\":")]
    public void A_normalize_body_that_is_not_an_object_is_a_400(string body)
    {
        Assert.False(NormalizeRequestParser.TryParse(Encoding.UTF8.GetBytes(body), out _, out var error));
        Assert.Equal(400, error.StatusCode);
    }
}
