using static Orator.Server.Tests.Api.SpeechBodies;

namespace Orator.Server.Tests.Api;

public sealed class SpeechRequestParserFieldErrorTests
{
    [Theory]
    [InlineData("model")]
    [InlineData("input")]
    [InlineData("voice")]
    public void A_missing_required_field_is_named(string field)
    {
        var error = ParseInvalid(With((field, Absent)));

        Assert.Equal($"Missing required parameter: '{field}'.", error.Message);
        Assert.Equal(field, error.Param);
        Assert.Equal("missing_required_parameter", error.Code);
    }

    [Fact]
    public void An_empty_object_reports_the_model_as_missing_first()
    {
        Assert.Equal("model", ParseInvalid("{}").Param);
    }

    [Theory]
    [InlineData("model", "null", "expected a string, but got null")]
    [InlineData("model", "5", "expected a string, but got a number")]
    [InlineData("model", "true", "expected a string, but got a boolean")]
    [InlineData("model", "[\"tts-1\"]", "expected a string, but got an array")]
    [InlineData("model", "{}", "expected a string, but got an object")]
    [InlineData("input", "5", "expected a string, but got a number")]
    [InlineData("input", "null", "expected a string, but got null")]
    [InlineData("input", "false", "expected a string, but got a boolean")]
    [InlineData("input", "[\"a\"]", "expected a string, but got an array")]
    [InlineData("input", "{\"text\":\"a\"}", "expected a string, but got an object")]
    [InlineData("voice", "3", "expected a string or an object with an 'id', but got a number")]
    [InlineData("voice", "null", "expected a string or an object with an 'id', but got null")]
    [InlineData("voice", "true", "expected a string or an object with an 'id', but got a boolean")]
    [InlineData("voice", "[\"alloy\"]", "expected a string or an object with an 'id', but got an array")]
    [InlineData("instructions", "5", "expected a string, but got a number")]
    [InlineData("instructions", "true", "expected a string, but got a boolean")]
    [InlineData("instructions", "[]", "expected a string, but got an array")]
    [InlineData("instructions", "{}", "expected a string, but got an object")]
    [InlineData("response_format", "1", "expected a string, but got a number")]
    [InlineData("response_format", "true", "expected a string, but got a boolean")]
    [InlineData("response_format", "[\"mp3\"]", "expected a string, but got an array")]
    [InlineData("response_format", "{}", "expected a string, but got an object")]
    [InlineData("speed", "\"fast\"", "expected a number, but got a string")]
    [InlineData("speed", "\"1.0\"", "expected a number, but got a string")]
    [InlineData("speed", "true", "expected a number, but got a boolean")]
    [InlineData("speed", "[1]", "expected a number, but got an array")]
    [InlineData("speed", "{}", "expected a number, but got an object")]
    [InlineData("stream_format", "1", "expected a string, but got a number")]
    [InlineData("stream_format", "false", "expected a string, but got a boolean")]
    [InlineData("stream_format", "[]", "expected a string, but got an array")]
    [InlineData("stream_format", "{}", "expected a string, but got an object")]
    public void A_value_of_the_wrong_json_type_names_the_field_and_both_types(string field, string raw, string expectation)
    {
        var error = ParseInvalid(With((field, raw)));

        Assert.Equal($"Invalid type for '{field}': {expectation} instead.", error.Message);
        Assert.Equal(field, error.Param);
        Assert.Equal("invalid_type", error.Code);
    }

    [Theory]
    [InlineData("{}", "Missing required parameter: 'voice.id'.")]
    [InlineData("{\"name\":\"alloy\"}", "Unrecognized request argument supplied: voice.name")]
    [InlineData("{\"id\":5}", "Invalid type for 'voice.id': expected a string, but got a number instead.")]
    [InlineData("{\"id\":null}", "Invalid type for 'voice.id': expected a string, but got null instead.")]
    [InlineData("{\"id\":{\"id\":\"x\"}}", "Invalid type for 'voice.id': expected a string, but got an object instead.")]
    [InlineData("{\"id\":\"x\",\"extra\":1}", "Unrecognized request argument supplied: voice.extra")]
    [InlineData("{\"id\":\"\"}", "Expected a string with minimum length 1, but got an empty string instead.")]
    public void A_malformed_voice_object_is_reported_against_voice(string voice, string message)
    {
        var error = ParseInvalid(With(("voice", voice)));

        Assert.Equal(message, error.Message);
        Assert.Equal("voice", error.Param);
    }

    [Fact]
    public void A_voice_object_with_a_duplicate_id_is_a_parse_error()
    {
        var error = ParseInvalid(With(("voice", """{"id":"a","id":"b"}""")));

        Assert.StartsWith("We could not parse the JSON body of your request", error.Message, StringComparison.Ordinal);
        Assert.Contains("'voice.id'", error.Message, StringComparison.Ordinal);
        Assert.Equal("voice", error.Param);
    }

    [Theory]
    [InlineData("foo")]
    [InlineData("Model")]
    [InlineData("responseFormat")]
    [InlineData("user")]
    public void An_unknown_field_is_rejected_by_name(string field)
    {
        var error = ParseInvalid(With((field, "1")));

        Assert.Equal($"Unrecognized request argument supplied: {field}", error.Message);
        Assert.Equal(field, error.Param);
        Assert.Equal("unknown_parameter", error.Code);
    }

    [Fact]
    public void An_unknown_field_with_a_huge_name_is_echoed_shortened()
    {
        var name = new string('x', 10_000);

        var error = ParseInvalid(With((name, "1")));

        Assert.True(error.Message.Length < 200, error.Message);
        Assert.Equal(new string('x', 64) + "...", error.Param);
    }

    [Theory]
    [InlineData("model")]
    [InlineData("input")]
    [InlineData("voice")]
    public void An_empty_required_string_is_too_short(string field)
    {
        var error = ParseInvalid(With((field, "\"\"")));

        Assert.Equal("Expected a string with minimum length 1, but got an empty string instead.", error.Message);
        Assert.Equal(field, error.Param);
        Assert.Null(error.Code);
    }

    [Theory]
    [InlineData("a", 4097)]
    [InlineData("a", 10_000)]
    [InlineData("é", 4097)]
    [InlineData("😀", 4097)]
    [InlineData("😀", 5000)]
    public void An_input_over_4096_code_points_reports_its_length_in_code_points(string unit, int count)
    {
        var input = string.Concat(Enumerable.Repeat(unit, count));

        var error = ParseInvalid(With(("input", Quoted(input))));

        Assert.Equal(
            $"Expected a string with maximum length 4096, but got a string with length {count} instead.",
            error.Message);
        Assert.Equal("input", error.Param);
        Assert.Equal("string_above_max_length", error.Code);
    }

    [Fact]
    public void Escaped_surrogate_pairs_count_as_one_code_point_each()
    {
        var input = string.Concat(Enumerable.Repeat(@"\ud83d\ude00", 4097));

        var error = ParseInvalid(With(("input", Quoted(input))));

        Assert.Contains("with length 4097 instead", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Combining_marks_count_as_code_points_of_their_own()
    {
        // "e" + COMBINING ACUTE ACCENT is one grapheme but two code points.
        var input = string.Concat(Enumerable.Repeat("e\u0301", 2049));

        var error = ParseInvalid(With(("input", Quoted(input))));

        Assert.Contains("with length 4098 instead", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Instructions_over_4096_code_points_are_rejected()
    {
        var instructions = string.Concat(Enumerable.Repeat("😀", 4097));

        var error = ParseInvalid(With(("instructions", Quoted(instructions))));

        Assert.Equal(
            "Expected a string with maximum length 4096, but got a string with length 4097 instead.",
            error.Message);
        Assert.Equal("instructions", error.Param);
        Assert.Equal("string_above_max_length", error.Code);
    }

    [Theory]
    [InlineData("model")]
    [InlineData("voice")]
    public void A_name_over_256_code_points_is_rejected(string field)
    {
        var error = ParseInvalid(With((field, Quoted(new string('n', 257)))));

        Assert.Equal(
            "Expected a string with maximum length 256, but got a string with length 257 instead.",
            error.Message);
        Assert.Equal(field, error.Param);
        Assert.Equal("string_above_max_length", error.Code);
    }

    [Fact]
    public void A_voice_id_over_256_code_points_is_rejected_against_voice()
    {
        var error = ParseInvalid(With(("voice", $$"""{"id":"{{new string('v', 300)}}"}""")));

        Assert.Equal("voice", error.Param);
        Assert.Equal("string_above_max_length", error.Code);
    }

    [Theory]
    [InlineData("0.2499", "decimal_below_min_value")]
    [InlineData("0.1", "decimal_below_min_value")]
    [InlineData("0", "decimal_below_min_value")]
    [InlineData("-0", "decimal_below_min_value")]
    [InlineData("-1", "decimal_below_min_value")]
    [InlineData("-1e400", "decimal_below_min_value")]
    [InlineData("4.01", "decimal_above_max_value")]
    [InlineData("4.0000001", "decimal_above_max_value")]
    [InlineData("5", "decimal_above_max_value")]
    [InlineData("1e400", "decimal_above_max_value")]
    public void A_speed_outside_the_range_names_the_range_and_the_value(string raw, string code)
    {
        var error = ParseInvalid(With(("speed", raw)));

        Assert.Equal(
            $"Invalid value for 'speed': expected a number between 0.25 and 4.0, but got {raw} instead.",
            error.Message);
        Assert.Equal("speed", error.Param);
        Assert.Equal(code, error.Code);
    }

    [Theory]
    [InlineData("MP3")]
    [InlineData("mp4")]
    [InlineData("ogg")]
    [InlineData("")]
    [InlineData(" mp3")]
    public void An_unsupported_response_format_lists_the_allowed_values(string format)
    {
        var error = ParseInvalid(With(("response_format", Quoted(format))));

        Assert.Equal(
            $"Invalid value for 'response_format': '{format}'. Supported values are: 'mp3', 'opus', 'aac', 'flac', 'wav', and 'pcm'.",
            error.Message);
        Assert.Equal("response_format", error.Param);
        Assert.Equal("invalid_value", error.Code);
    }

    [Theory]
    [InlineData("SSE")]
    [InlineData("json")]
    [InlineData("")]
    public void An_unsupported_stream_format_lists_the_allowed_values(string format)
    {
        var error = ParseInvalid(With(("stream_format", Quoted(format))));

        Assert.Equal(
            $"Invalid value for 'stream_format': '{format}'. Supported values are: 'audio', and 'sse'.",
            error.Message);
        Assert.Equal("stream_format", error.Param);
        Assert.Equal("invalid_value", error.Code);
    }

    [Theory]
    [InlineData("model")]
    [InlineData("input")]
    [InlineData("voice")]
    [InlineData("instructions")]
    public void An_escaped_unpaired_surrogate_is_an_invalid_value_of_its_field(string field)
    {
        var error = ParseInvalid(With((field, "\"abc\\ud800\"")));

        Assert.Contains("unpaired UTF-16 surrogate", error.Message, StringComparison.Ordinal);
        Assert.Equal(field, error.Param);
    }

    [Theory]
    [InlineData("response_format")]
    [InlineData("stream_format")]
    public void An_escaped_unpaired_surrogate_in_a_format_is_an_unsupported_value(string field)
    {
        var error = ParseInvalid(With((field, "\"\\udc00\"")));

        Assert.Equal(field, error.Param);
        Assert.Equal("invalid_value", error.Code);
    }

    [Fact]
    public void An_escaped_unpaired_surrogate_in_a_voice_object_key_is_an_unknown_argument()
    {
        var error = ParseInvalid(With(("voice", "{\"\\ud800\":\"x\"}")));

        Assert.Equal("voice", error.Param);
        Assert.Equal("unknown_parameter", error.Code);
    }

    [Fact]
    public void The_first_problem_in_document_order_is_reported()
    {
        var error = ParseInvalid("""{"speed":9,"foo":1,"input":5}""");

        Assert.Equal("speed", error.Param);
    }
}
