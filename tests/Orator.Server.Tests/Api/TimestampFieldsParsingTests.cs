using System.Text;
using Orator.Core.Audio;
using Orator.Server.Api;
using Orator.Server.Hosting;
using Orator.Speech.Captions;
using Orator.Speech.Errors;
using Orator.Speech.Requests;
using static Orator.Server.Tests.Api.SpeechBodies;

namespace Orator.Server.Tests.Api;

/// <summary>
/// The word-timing fields of the three endpoints that take the speech body: <c>timestamps</c>
/// (<c>/v1/audio/speech</c>), <c>response_format</c> and <c>audio_format</c>
/// (<c>/v1/audio/captions</c>), <c>return_timestamps</c> (<c>/dev/captioned_speech</c>). Each is
/// checked like every other field, and each is an unknown field on the endpoints it is not for.
/// </summary>
public sealed class TimestampFieldsParsingTests
{
    private const string Speech = "/v1/audio/speech";
    private const string Captions = "/v1/audio/captions";
    private const string CaptionedSpeech = "/dev/captioned_speech";

    private static readonly (string Name, string RawJson) Sse = ("stream_format", "\"sse\"");

    [Fact]
    public void Timestamps_true_with_sse_asks_the_plan_for_words()
    {
        var body = Parse(SpeechBodyKind.Speech, With(Sse, ("timestamps", "true")));

        Assert.True(body.Request.Timestamps);
        Assert.Equal(SpeechStreamFormat.Sse, body.Request.StreamFormat);
        Assert.Empty(body.Ignored);
    }

    [Theory]
    [InlineData("false")]
    [InlineData("null")]
    public void Timestamps_false_or_null_is_a_plain_request(string raw)
    {
        Assert.False(Parse(SpeechBodyKind.Speech, With(Sse, ("timestamps", raw))).Request.Timestamps);
        Assert.False(Parse(SpeechBodyKind.Speech, With(("timestamps", raw))).Request.Timestamps);
    }

    [Fact]
    public void Without_timestamps_a_speech_request_has_no_words()
    {
        Assert.False(Parse(SpeechBodyKind.Speech, With(Sse)).Request.Timestamps);
    }

    [Theory]
    [InlineData("\"yes\"", "a string")]
    [InlineData("\"true\"", "a string")]
    [InlineData("1", "a number")]
    [InlineData("0", "a number")]
    [InlineData("{}", "an object")]
    [InlineData("[]", "an array")]
    [InlineData("[true]", "an array")]
    public void Timestamps_that_is_not_a_boolean_is_a_400_naming_it(string raw, string given)
    {
        var error = ParseInvalid(SpeechBodyKind.Speech, With(Sse, ("timestamps", raw)));

        Assert.Equal($"Invalid type for 'timestamps': expected a boolean, but got {given} instead.", error.Message);
        Assert.Equal("timestamps", error.Param);
        Assert.Equal("invalid_type", error.Code);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("\"audio\"")]
    [InlineData("null")]
    public void Timestamps_true_without_sse_is_a_400_that_points_to_the_sse_stream_and_the_other_endpoints(string? streamFormat)
    {
        var json = streamFormat is null ? With(("timestamps", "true")) : With(("stream_format", streamFormat), ("timestamps", "true"));

        var error = ParseInvalid(SpeechBodyKind.Speech, json);

        Assert.Equal("timestamps", error.Param);
        Assert.Equal("invalid_value", error.Code);
        Assert.Contains("stream_format 'sse'", error.Message, StringComparison.Ordinal);
        Assert.Contains("/v1/audio/captions", error.Message, StringComparison.Ordinal);
        Assert.Contains("/dev/captioned_speech", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Timestamps_true_before_sse_in_the_body_is_accepted_as_the_whole_body_is_read_first()
    {
        Assert.True(Parse(SpeechBodyKind.Speech, With(("timestamps", "true"), Sse)).Request.Timestamps);
    }

    [Fact]
    public void Timestamps_with_sse_and_stream_false_is_refused_for_the_stream()
    {
        var error = ParseInvalid(SpeechBodyKind.Speech, With(Sse, ("timestamps", "true"), ("stream", "false")));

        Assert.Equal("stream", error.Param);
    }

    [Fact]
    public void A_duplicate_timestamps_key_is_a_parse_error_on_it()
    {
        var error = ParseInvalid(SpeechBodyKind.Speech, """{"model":"tts-1","input":"Hi.","voice":"alloy","stream_format":"sse","timestamps":true,"timestamps":true}""");

        Assert.Contains("'timestamps' appears more than once", error.Message, StringComparison.Ordinal);
        Assert.Equal("timestamps", error.Param);
    }

    [Theory]
    [InlineData(null, CaptionFormat.Json)]
    [InlineData("\"json\"", CaptionFormat.Json)]
    [InlineData("\"srt\"", CaptionFormat.Srt)]
    [InlineData("\"vtt\"", CaptionFormat.Vtt)]
    [InlineData("null", CaptionFormat.Json)]
    public void Captions_take_srt_vtt_or_json_defaulting_to_json(string? raw, CaptionFormat expected)
    {
        var body = Parse(SpeechBodyKind.Captions, raw is null ? With() : With(("response_format", raw)));

        Assert.Equal(expected, body.CaptionFormat);
        Assert.Equal(SpeechBodyKind.Captions, body.Kind);
        // Captions are always word-timed, and always answered whole.
        Assert.True(body.Request.Timestamps);
        Assert.False(body.Buffered);
    }

    [Theory]
    [InlineData(null, AudioFormat.Mp3)]
    [InlineData("\"mp3\"", AudioFormat.Mp3)]
    [InlineData("\"wav\"", AudioFormat.Wav)]
    [InlineData("\"aac\"", AudioFormat.Aac)]
    [InlineData("\"pcm\"", AudioFormat.Pcm)]
    public void The_captions_audio_format_is_the_audio_rendered_defaulting_to_mp3(string? raw, AudioFormat expected)
    {
        var body = Parse(SpeechBodyKind.Captions, raw is null ? With(("response_format", "\"vtt\"")) : With(("response_format", "\"vtt\""), ("audio_format", raw)));

        // Its codec delay is in the times, so the render uses it.
        Assert.Equal(expected, body.Request.ResponseFormat);
        Assert.Equal(CaptionFormat.Vtt, body.CaptionFormat);
    }

    [Theory]
    [InlineData("\"mp3\"")]
    [InlineData("\"wav\"")]
    [InlineData("\"SRT\"")]
    [InlineData("\"text\"")]
    [InlineData("\"verbose_json\"")]
    [InlineData("\"\"")]
    public void A_captions_response_format_other_than_srt_vtt_or_json_is_a_400_listing_them(string raw)
    {
        var error = ParseInvalid(SpeechBodyKind.Captions, With(("response_format", raw)));

        Assert.Equal($"Invalid value for 'response_format': '{raw.Trim('"')}'. Supported values are: 'srt', 'vtt', and 'json'.", error.Message);
        Assert.Equal("response_format", error.Param);
        Assert.Equal("invalid_value", error.Code);
    }

    [Theory]
    [InlineData("\"srt\"")]
    [InlineData("\"vtt\"")]
    [InlineData("\"json\"")]
    [InlineData("\"MP3\"")]
    [InlineData("\"ogg\"")]
    public void A_captions_audio_format_that_is_not_an_audio_format_is_a_400_listing_them(string raw)
    {
        var error = ParseInvalid(SpeechBodyKind.Captions, With(("audio_format", raw)));

        Assert.Equal($"Invalid value for 'audio_format': '{raw.Trim('"')}'. Supported values are: 'mp3', 'opus', 'aac', 'flac', 'wav', and 'pcm'.", error.Message);
        Assert.Equal("audio_format", error.Param);
        Assert.Equal("invalid_value", error.Code);
    }

    [Theory]
    [InlineData("response_format", "1", "a number")]
    [InlineData("response_format", "[\"srt\"]", "an array")]
    [InlineData("audio_format", "true", "a boolean")]
    [InlineData("audio_format", "{}", "an object")]
    public void A_captions_format_of_the_wrong_json_type_is_a_400_naming_it(string field, string raw, string given)
    {
        var error = ParseInvalid(SpeechBodyKind.Captions, With((field, raw)));

        Assert.Equal($"Invalid type for '{field}': expected a string, but got {given} instead.", error.Message);
        Assert.Equal(field, error.Param);
    }

    [Fact]
    public void Captions_with_sse_are_a_400_that_points_to_the_speech_endpoint()
    {
        var error = ParseInvalid(SpeechBodyKind.Captions, With(("response_format", "\"srt\""), Sse));

        Assert.Equal("stream_format", error.Param);
        Assert.Equal("invalid_value", error.Code);
        Assert.Contains("/v1/audio/speech", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Captions_with_the_audio_stream_format_are_accepted()
    {
        Assert.Equal(CaptionFormat.Srt, Parse(SpeechBodyKind.Captions, With(("response_format", "\"srt\""), ("stream_format", "\"audio\""))).CaptionFormat);
    }

    [Fact]
    public void A_captions_sample_rate_is_checked_against_the_audio_format()
    {
        var error = ParseInvalid(SpeechBodyKind.Captions, With(("audio_format", "\"mp3\""), ("sample_rate", "16000")));
        var body = Parse(SpeechBodyKind.Captions, With(("audio_format", "\"wav\""), ("sample_rate", "16000")));

        Assert.Equal("sample_rate", error.Param);
        // The captions' response_format is srt, vtt or json: the message names the field that chose mp3.
        Assert.Equal("Invalid value for 'sample_rate': 16000. audio_format 'mp3' is always 24000 Hz: leave sample_rate out, or use opus, flac, wav, pcm.", error.Message);
        Assert.Equal(16000, body.Request.SampleRate);
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("true", true)]
    [InlineData("null", true)]
    [InlineData("false", false)]
    public void Return_timestamps_decides_whether_captioned_speech_carries_words(string? raw, bool expected)
    {
        var body = Parse(SpeechBodyKind.CaptionedSpeech, raw is null ? With() : With(("return_timestamps", raw)));

        Assert.Equal(expected, body.ReturnTimestamps);
        // Without them the render does no word work at all.
        Assert.Equal(expected, body.Request.Timestamps);
        Assert.Equal(SpeechBodyKind.CaptionedSpeech, body.Kind);
    }

    [Theory]
    [InlineData("\"false\"", "a string")]
    [InlineData("0", "a number")]
    [InlineData("{}", "an object")]
    [InlineData("[]", "an array")]
    public void Return_timestamps_that_is_not_a_boolean_is_a_400_naming_it(string raw, string given)
    {
        var error = ParseInvalid(SpeechBodyKind.CaptionedSpeech, With(("return_timestamps", raw)));

        Assert.Equal($"Invalid type for 'return_timestamps': expected a boolean, but got {given} instead.", error.Message);
        Assert.Equal("return_timestamps", error.Param);
        Assert.Equal("invalid_type", error.Code);
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("true", false)]
    [InlineData("false", true)]
    public void Captioned_speech_streams_lines_unless_stream_is_false(string? raw, bool buffered)
    {
        Assert.Equal(buffered, Parse(SpeechBodyKind.CaptionedSpeech, raw is null ? With() : With(("stream", raw))).Buffered);
    }

    [Fact]
    public void Captioned_speech_takes_an_audio_response_format_as_kokoro_does()
    {
        var body = Parse(SpeechBodyKind.CaptionedSpeech, With(("response_format", "\"wav\"")));
        var error = ParseInvalid(SpeechBodyKind.CaptionedSpeech, With(("response_format", "\"srt\"")));

        Assert.Equal(AudioFormat.Wav, body.Request.ResponseFormat);
        Assert.Equal("response_format", error.Param);
    }

    [Fact]
    public void Captioned_speech_with_sse_is_a_400_as_its_body_is_always_json()
    {
        var error = ParseInvalid(SpeechBodyKind.CaptionedSpeech, With(Sse));

        Assert.Equal("stream_format", error.Param);
        Assert.Equal("invalid_value", error.Code);
        Assert.Contains("/v1/audio/speech", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_kokoro_captioned_speech_script_s_whole_body_is_accepted()
    {
        const string json = """
            {"model":"kokoro","input":"Hello world.","voice":"af_heart","response_format":"mp3","speed":1,"stream":true,
             "return_timestamps":true,"return_download_link":false,"lang_code":"a","volume_multiplier":1,
             "normalization_options":{"normalize":true}}
            """;

        var body = Parse(SpeechBodyKind.CaptionedSpeech, json);

        Assert.True(body.ReturnTimestamps);
        Assert.Equal(["return_download_link"], body.Ignored);
    }

    [Theory]
    [InlineData(Captions, "timestamps", "true")]
    [InlineData(CaptionedSpeech, "timestamps", "true")]
    [InlineData(Speech, "return_timestamps", "true")]
    [InlineData(Captions, "return_timestamps", "false")]
    [InlineData(Speech, "audio_format", "\"mp3\"")]
    [InlineData(CaptionedSpeech, "audio_format", "\"mp3\"")]
    public void A_field_of_another_endpoint_is_an_unknown_field(string endpoint, string field, string raw)
    {
        var error = ParseInvalid(KindOf(endpoint), With((field, raw)));

        Assert.Equal($"Unrecognized request argument supplied: {field}", error.Message);
        Assert.Equal(field, error.Param);
        Assert.Equal("unknown_parameter", error.Code);
    }

    [Theory]
    [InlineData(Captions, "timestamps", "\"yes\"")]
    [InlineData(Speech, "return_timestamps", "7")]
    [InlineData(CaptionedSpeech, "audio_format", "\"nonsense\"")]
    public void With_unknown_fields_ignored_another_endpoint_s_field_is_skipped_and_named_whatever_its_value(string endpoint, string field, string raw)
    {
        var kind = KindOf(endpoint);
        var ignored = new List<string>();

        var ok = SpeechRequestParser.TryParse(Encoding.UTF8.GetBytes(With((field, raw))), kind, UnknownFieldPolicy.Ignore, ignored, out var body, out var error);

        Assert.True(ok, error?.Message);
        Assert.Equal([field], ignored);
        Assert.Equal([field], body!.Ignored);
        // The endpoint's own word timing stands: captions and captioned speech are timed, plain speech is not.
        Assert.Equal(kind != SpeechBodyKind.Speech, body.Request.Timestamps);
    }

    private static SpeechBodyKind KindOf(string endpoint) => endpoint switch
    {
        Speech => SpeechBodyKind.Speech,
        Captions => SpeechBodyKind.Captions,
        _ => SpeechBodyKind.CaptionedSpeech,
    };

    private static SpeechBody Parse(SpeechBodyKind kind, string json)
    {
        var ok = SpeechRequestParser.TryParse(Encoding.UTF8.GetBytes(json), kind, UnknownFieldPolicy.Reject, [], out var body, out var error);
        Assert.True(ok, error?.Message);
        Assert.Null(error);
        return body!;
    }

    private static ApiError ParseInvalid(SpeechBodyKind kind, string json)
    {
        var ok = SpeechRequestParser.TryParse(Encoding.UTF8.GetBytes(json), kind, UnknownFieldPolicy.Reject, [], out var body, out var error);
        Assert.False(ok);
        Assert.Null(body);
        Assert.NotNull(error);
        Assert.Equal(400, error.StatusCode);
        Assert.Equal("invalid_request_error", error.Type);
        return error;
    }
}
