using System.Text;
using Orator.Server.Api;
using Orator.Server.Hosting;
using static Orator.Server.Tests.Api.SpeechBodies;

namespace Orator.Server.Tests.Api;

/// <summary><c>Orator:UnknownFields</c>: unknown speech fields are a 400 by default, or skipped and named.</summary>
public sealed class UnknownFieldPolicyParsingTests
{
    [Fact]
    public void A_typo_of_a_field_is_a_400_that_names_it_by_default()
    {
        var error = ParseInvalid(With(("response_fromat", "\"wav\"")));

        Assert.Equal("Unrecognized request argument supplied: response_fromat", error.Message);
        Assert.Equal("response_fromat", error.Param);
        Assert.Equal("unknown_parameter", error.Code);
    }

    [Fact]
    public void Ignored_unknown_fields_of_any_shape_are_skipped_and_named_in_body_order()
    {
        var json = With(("user", "\"me\""), ("extra", """{"a":[1,{"b":null}],"c":"d"}"""), ("response_format", "\"wav\""), ("x", "[1,2]"));

        var (body, ignored) = ParseIgnoring(json);

        Assert.Equal(["user", "extra", "x"], body.Ignored);
        Assert.Equal(["user", "extra", "x"], ignored);
        Assert.Equal(Orator.Core.Audio.AudioFormat.Wav, body.Request.ResponseFormat);
        Assert.Equal("alloy", body.Request.Voice);
    }

    [Fact]
    public void A_known_field_after_ignored_ones_is_still_checked()
    {
        var ignored = new List<string>();
        var ok = SpeechRequestParser.TryParse(Encoding.UTF8.GetBytes(With(("user", "1"), ("speed", "9"))), UnknownFieldPolicy.Ignore, ignored, out _, out var error);

        Assert.False(ok);
        Assert.Equal("speed", error!.Param);
        Assert.Equal(["user"], ignored);
    }

    [Fact]
    public void Ignoring_leaves_unknown_members_of_known_objects_an_error()
    {
        var ignored = new List<string>();
        var ok = SpeechRequestParser.TryParse(Encoding.UTF8.GetBytes(With(("voice", """{"id":"alloy","name":"x"}"""))), UnknownFieldPolicy.Ignore, ignored, out _, out var error);

        Assert.False(ok);
        Assert.Equal("voice", error!.Param);
    }

    [Fact]
    public void A_body_without_unknown_fields_ignores_nothing()
    {
        var (body, _) = ParseIgnoring(With());

        Assert.Empty(body.Ignored);
    }

    [Theory]
    [InlineData(new[] { "user", "extra" }, "user,extra")]
    [InlineData(new[] { "a", "b", "a" }, "a,b")]
    [InlineData(new[] { "a,b" }, "a%2Cb")]
    [InlineData(new[] { "gr\u00fc\u00dfe" }, "gr%C3%BC%C3%9Fe")]
    [InlineData(new[] { "line\r\nbreak" }, "line%0D%0Abreak")]
    public void The_header_lists_names_once_each_as_visible_ascii(string[] names, string expected)
    {
        Assert.Equal(expected, IgnoredParamsHeader.Format(names));
    }

    [Fact]
    public void The_header_is_bounded_and_says_when_it_was_cut()
    {
        var names = Enumerable.Range(0, 500).Select(i => $"field_{i}").ToArray();

        var value = IgnoredParamsHeader.Format(names);

        Assert.True(value.Length <= 1024, value.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.EndsWith(",...", value, StringComparison.Ordinal);
        Assert.StartsWith("field_0,field_1,", value, StringComparison.Ordinal);
    }

    private static (SpeechBody Body, List<string> Ignored) ParseIgnoring(string json)
    {
        var ignored = new List<string>();
        var ok = SpeechRequestParser.TryParse(Encoding.UTF8.GetBytes(json), UnknownFieldPolicy.Ignore, ignored, out var body, out var error);
        Assert.True(ok, error?.Message);
        return (body!, ignored);
    }
}
