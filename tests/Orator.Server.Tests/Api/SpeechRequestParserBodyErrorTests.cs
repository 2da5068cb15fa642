using System.Text;
using Orator.Server.Api;
using static Orator.Server.Tests.Api.SpeechBodies;

namespace Orator.Server.Tests.Api;

public sealed class SpeechRequestParserBodyErrorTests
{
    private const string ParseFailure = "We could not parse the JSON body of your request";

    [Fact]
    public void An_invalid_utf8_sequence_inside_a_string_is_rejected_with_its_offset()
    {
        var prefix = Encoding.UTF8.GetBytes("""{"model":"tts-1","voice":"alloy","input":"caf""");
        var body = prefix.Concat(new byte[] { 0xC3, 0x28 }).Concat(Encoding.UTF8.GetBytes("\"}")).ToArray();

        var error = ParseInvalid(body);

        Assert.Equal(
            $"The request body is not valid UTF-8: invalid byte sequence at byte offset {prefix.Length}.",
            error.Message);
        Assert.Null(error.Param);
    }

    [Theory]
    [InlineData(new byte[] { 0xFF })]
    [InlineData(new byte[] { 0xC0, 0xAF })]
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 })]
    [InlineData(new byte[] { 0xF4, 0x90, 0x80, 0x80 })]
    [InlineData(new byte[] { 0xE2, 0x82 })]
    public void Bytes_that_are_not_utf8_are_rejected_wherever_they_appear(byte[] bad)
    {
        var inString = Encoding.UTF8.GetBytes("""{"input":"x""").Concat(bad).Concat(Encoding.UTF8.GetBytes("\"}")).ToArray();
        var outside = bad.Concat(Encoding.UTF8.GetBytes(With())).ToArray();
        var alone = bad;

        foreach (var body in new[] { inString, outside, alone })
        {
            var error = ParseInvalid(body);
            Assert.StartsWith("The request body is not valid UTF-8", error.Message, StringComparison.Ordinal);
            Assert.Null(error.Param);
        }
    }

    [Theory]
    [InlineData("{")]
    [InlineData("{\"model\":}")]
    [InlineData("{\"model\":\"tts-1\",}")]
    [InlineData("{\"model\":\"tts-1\" \"input\":\"x\"}")]
    [InlineData("{'model':'tts-1'}")]
    [InlineData("{model:\"tts-1\"}")]
    [InlineData("{\"speed\":NaN}")]
    [InlineData("{\"speed\":01}")]
    [InlineData("{\"input\":\"tab\there\"}")]
    [InlineData("// comment\n{}")]
    [InlineData("{} x")]
    [InlineData("{}{}")]
    [InlineData("{\"model\":\"tts-1\"}]")]
    [InlineData("model=tts-1&input=hi")]
    public void Malformed_json_is_a_parse_error_with_a_location(string body)
    {
        var error = ParseInvalid(body);

        Assert.StartsWith(ParseFailure, error.Message, StringComparison.Ordinal);
        Assert.Contains("invalid JSON at line", error.Message, StringComparison.Ordinal);
        Assert.Null(error.Param);
    }

    [Fact]
    public void Malformed_json_wins_over_a_field_error_that_comes_before_it()
    {
        var error = ParseInvalid("""{"foo":1,"model":""");

        Assert.StartsWith(ParseFailure, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("model")]
    [InlineData("input")]
    [InlineData("voice")]
    [InlineData("speed")]
    public void A_duplicate_key_is_a_parse_error_naming_the_key(string field)
    {
        var once = With(("speed", "1"));
        var body = once[..^1] + $",\"{field}\":" + (field == "speed" ? "2" : "\"again\"") + "}";

        var error = ParseInvalid(body);

        Assert.Equal($"{ParseFailure}: the key '{field}' appears more than once.", error.Message);
        Assert.Equal(field, error.Param);
    }

    [Fact]
    public void A_duplicate_key_written_with_an_escape_is_still_a_duplicate()
    {
        var error = ParseInvalid("""{"model":"a","mod\u0065l":"b","input":"x","voice":"alloy"}""");

        Assert.Contains("'model' appears more than once", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[]", "an array")]
    [InlineData("\"text\"", "a string")]
    [InlineData("42", "a number")]
    [InlineData("true", "a boolean")]
    [InlineData("null", "null")]
    public void A_top_level_value_that_is_not_an_object_is_rejected(string body, string actual)
    {
        var error = ParseInvalid(body);

        Assert.Equal($"The request body must be a JSON object, but got {actual} instead.", error.Message);
        Assert.Null(error.Param);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\r\n\t ")]
    public void An_empty_body_is_rejected(string body)
    {
        var error = ParseInvalid(body);

        Assert.Equal("The request body is empty. The API expects a JSON object.", error.Message);
    }

    [Fact]
    public void Ten_thousand_nested_arrays_in_an_unknown_field_are_a_400_not_a_crash()
    {
        var deep = new string('[', 10_000) + new string(']', 10_000);

        var error = ParseInvalid(With(("extra", deep)));

        Assert.Equal($"{ParseFailure}: it nests objects or arrays more than 16 levels deep.", error.Message);
    }

    [Fact]
    public void Ten_thousand_unclosed_nested_objects_are_a_400_not_a_crash()
    {
        var deep = string.Concat(Enumerable.Repeat("{\"a\":", 10_000));

        var error = ParseInvalid(deep);

        Assert.Contains("levels deep", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(16, true)]
    [InlineData(17, false)]
    public void Nesting_is_allowed_up_to_the_maximum_depth(int depth, bool allowed)
    {
        var body = Encoding.UTF8.GetBytes(new string('[', depth) + new string(']', depth));

        var ok = JsonBodyValidator.TryValidate(body, SpeechRequestParser.MaxDepth, out var error);

        Assert.Equal(allowed, ok);
        Assert.Equal(allowed, error is null);
    }

    [Fact]
    public void An_unknown_field_name_with_an_unpaired_surrogate_escape_is_still_reported()
    {
        var error = ParseInvalid("""{"\ud800":1}""");

        Assert.Equal("unknown_parameter", error.Code);
    }

    [Fact]
    public void Arbitrary_corruptions_of_a_valid_body_never_throw()
    {
        var valid = Encoding.UTF8.GetBytes(With(
            ("instructions", "\"Warm.\""), ("speed", "1.25"), ("voice", """{"id":"nova"}""")));
        var random = new Random(20240611);
        var interesting = new byte[] { (byte)'{', (byte)'}', (byte)'[', (byte)'"', (byte)'\\', (byte)':', (byte)',', 0x00, 0x80, 0xFF, (byte)'u' };

        for (var i = 0; i < 5_000; i++)
        {
            var body = (byte[])valid.Clone();
            var edits = random.Next(1, 4);
            for (var e = 0; e < edits; e++)
            {
                var at = random.Next(body.Length);
                body[at] = random.Next(2) == 0 ? interesting[random.Next(interesting.Length)] : (byte)random.Next(256);
            }

            var length = random.Next(3) == 0 ? random.Next(body.Length + 1) : body.Length;
            var ok = SpeechRequestParser.TryParse(body.AsSpan(0, length), out var request, out var error);

            Assert.Equal(ok, request is not null);
            Assert.Equal(ok, error is null);
        }
    }
}
