using System.Text;
using Orator.Core.Audio;
using Orator.Server.Api;
using static Orator.Server.Tests.Api.SpeechBodies;
using Orator.Speech.Requests;

namespace Orator.Server.Tests.Api;

public sealed class SpeechRequestParserAcceptanceTests
{
    [Fact]
    public void A_minimal_request_gets_the_documented_defaults()
    {
        var request = ParseValid("""{"model":"tts-1","input":"The quick brown fox.","voice":"alloy"}""");

        Assert.Equal("tts-1", request.Model);
        Assert.Equal("The quick brown fox.", request.Input);
        Assert.Equal("alloy", request.Voice);
        Assert.Null(request.Instructions);
        Assert.Equal(AudioFormat.Mp3, request.ResponseFormat);
        Assert.Equal(1.0, request.Speed);
        Assert.Equal(SpeechStreamFormat.Audio, request.StreamFormat);
    }

    [Fact]
    public void A_full_request_sets_every_field()
    {
        var request = ParseValid("""
            {
              "model": "gpt-4o-mini-tts",
              "input": "Hello.",
              "voice": "coral",
              "instructions": "Speak cheerfully.",
              "response_format": "wav",
              "speed": 1.5,
              "stream_format": "sse"
            }
            """);

        Assert.Equal("gpt-4o-mini-tts", request.Model);
        Assert.Equal("Hello.", request.Input);
        Assert.Equal("coral", request.Voice);
        Assert.Equal("Speak cheerfully.", request.Instructions);
        Assert.Equal(AudioFormat.Wav, request.ResponseFormat);
        Assert.Equal(1.5, request.Speed);
        Assert.Equal(SpeechStreamFormat.Sse, request.StreamFormat);
    }

    [Fact]
    public void Field_order_does_not_matter()
    {
        var request = ParseValid("""{"speed":2,"voice":"echo","input":"Hi","model":"tts-1-hd"}""");

        Assert.Equal("tts-1-hd", request.Model);
        Assert.Equal("echo", request.Voice);
        Assert.Equal(2.0, request.Speed);
    }

    [Fact]
    public void A_voice_given_as_an_object_yields_its_id()
    {
        var request = ParseValid(With(("voice", """{"id":"voice_1234"}""")));

        Assert.Equal("voice_1234", request.Voice);
    }

    [Theory]
    [InlineData("mp3", AudioFormat.Mp3)]
    [InlineData("opus", AudioFormat.Opus)]
    [InlineData("aac", AudioFormat.Aac)]
    [InlineData("flac", AudioFormat.Flac)]
    [InlineData("wav", AudioFormat.Wav)]
    [InlineData("pcm", AudioFormat.Pcm)]
    public void Every_response_format_maps_to_its_audio_format(string wire, AudioFormat expected)
    {
        Assert.Equal(expected, ParseValid(With(("response_format", Quoted(wire)))).ResponseFormat);
    }

    [Theory]
    [InlineData("audio", nameof(SpeechStreamFormat.Audio))]
    [InlineData("sse", nameof(SpeechStreamFormat.Sse))]
    public void Every_stream_format_maps_to_its_enum(string wire, string expected)
    {
        Assert.Equal(expected, ParseValid(With(("stream_format", Quoted(wire)))).StreamFormat.ToString());
    }

    [Theory]
    [InlineData("0.25", 0.25)]
    [InlineData("4.0", 4.0)]
    [InlineData("4", 4.0)]
    [InlineData("1", 1.0)]
    [InlineData("25e-2", 0.25)]
    [InlineData("0.4E1", 4.0)]
    [InlineData("2.75", 2.75)]
    public void Speeds_within_the_inclusive_range_are_accepted(string raw, double expected)
    {
        Assert.Equal(expected, ParseValid(With(("speed", raw))).Speed);
    }

    [Fact]
    public void Explicit_nulls_for_optional_fields_mean_the_defaults()
    {
        var request = ParseValid(With(
            ("instructions", "null"),
            ("response_format", "null"),
            ("speed", "null"),
            ("stream_format", "null")));

        Assert.Null(request.Instructions);
        Assert.Equal(AudioFormat.Mp3, request.ResponseFormat);
        Assert.Equal(1.0, request.Speed);
        Assert.Equal(SpeechStreamFormat.Audio, request.StreamFormat);
    }

    [Fact]
    public void Empty_instructions_count_as_no_instructions()
    {
        Assert.Null(ParseValid(With(("instructions", "\"\""))).Instructions);
    }

    [Fact]
    public void An_input_of_4096_emoji_is_within_the_limit_because_length_counts_code_points()
    {
        var input = string.Concat(Enumerable.Repeat("😀", 4096));

        var request = ParseValid(With(("input", Quoted(input))));

        Assert.Equal(input, request.Input);
        Assert.Equal(8192, request.Input.Length);
    }

    [Fact]
    public void Instructions_of_4096_code_points_are_within_the_limit()
    {
        var instructions = string.Concat(Enumerable.Repeat("é", 4096));

        Assert.Equal(instructions, ParseValid(With(("instructions", Quoted(instructions)))).Instructions);
    }

    [Fact]
    public void Escapes_in_strings_and_names_are_decoded()
    {
        var request = ParseValid("""
            {"mo\u0064el":"tts-1","input":"Line one\nLine \"two\" \ud83d\ude00","voice":"al\u006coy"}
            """);

        Assert.Equal("tts-1", request.Model);
        Assert.Equal("Line one\nLine \"two\" 😀", request.Input);
        Assert.Equal("alloy", request.Voice);
    }

    [Fact]
    public void A_leading_byte_order_mark_is_ignored()
    {
        var body = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(With())).ToArray();

        Assert.Equal("tts-1", ParseValid(body).Model);
    }

    [Fact]
    public void Whitespace_around_the_object_is_allowed()
    {
        Assert.Equal("alloy", ParseValid(" \r\n\t" + With() + "\n ").Voice);
    }

    [Fact]
    public void Model_and_voice_names_of_256_code_points_are_accepted()
    {
        var name = new string('m', 256);

        var request = ParseValid(With(("model", Quoted(name)), ("voice", Quoted(name))));

        Assert.Equal(name, request.Model);
        Assert.Equal(name, request.Voice);
    }
}
