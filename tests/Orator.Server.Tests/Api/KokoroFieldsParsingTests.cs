using System.Globalization;
using System.Text;
using Orator.Server.Api;
using Orator.Server.Hosting;
using static Orator.Server.Tests.Api.SpeechBodies;

namespace Orator.Server.Tests.Api;

/// <summary>Kokoro-FastAPI's request fields: accepted, checked, and where Orator cannot act on them, named.</summary>
public sealed class KokoroFieldsParsingTests
{
    // A Kokoro-FastAPI script's body, every field of its schema given (the voice a plain name).
    private const string KokoroScriptBody = """
        {"model":"tts-1","input":"Hello world.","voice":"alloy","response_format":"mp3","download_format":"mp3","speed":1,"stream":false,
         "return_download_link":false,"lang_code":"a","volume_multiplier":1,
         "normalization_options":{"normalize":true,"unit_normalization":false,"url_normalization":true,"email_normalization":true,
          "optional_pluralization_normalization":true,"phone_normalization":true,"replace_remaining_symbols":true}}
        """;

    [Fact]
    public void A_kokoro_script_s_whole_body_is_accepted_and_what_cannot_be_honoured_is_named_in_body_order()
    {
        var body = Parse(KokoroScriptBody);

        Assert.True(body.Buffered);
        Assert.Equal("a", body.Request.LangCode);
        Assert.Equal(1.0, body.Request.VolumeMultiplier);
        Assert.True(body.Request.Normalization.Enabled);
        Assert.Equal(
            ["download_format", "return_download_link", "normalization_options.unit_normalization", "normalization_options.optional_pluralization_normalization"],
            body.Ignored);
        Assert.Equal(["download_format", "return_download_link", "lang_code", "volume_multiplier", "normalization_options"], body.UpstreamIgnored);
    }

    [Fact]
    public void Without_the_fields_a_request_streams_at_unit_volume_in_the_voice_s_language()
    {
        var body = Parse(With());

        Assert.False(body.Buffered);
        Assert.Equal(1.0, body.Request.VolumeMultiplier);
        Assert.Null(body.Request.LangCode);
        Assert.Empty(body.Ignored);
        Assert.Empty(body.UpstreamIgnored);
    }

    [Theory]
    [InlineData("true", false)]
    [InlineData("false", true)]
    [InlineData("null", false)]
    public void Stream_false_asks_for_the_whole_file(string raw, bool buffered)
    {
        Assert.Equal(buffered, Parse(With(("stream", raw))).Buffered);
    }

    [Fact]
    public void Stream_false_with_sse_is_a_400_on_stream()
    {
        var error = ParseInvalid(With(("stream", "false"), ("stream_format", "\"sse\"")));

        Assert.Equal("stream", error.Param);
        Assert.Contains("sse", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0.1")]
    [InlineData("2.5")]
    [InlineData("4")]
    public void A_volume_multiplier_within_a_tenth_to_four_is_carried(string raw)
    {
        Assert.Equal(double.Parse(raw, CultureInfo.InvariantCulture), Parse(With(("volume_multiplier", raw))).Request.VolumeMultiplier);
    }

    [Theory]
    [InlineData("0.09", "decimal_below_min_value")]
    [InlineData("0", "decimal_below_min_value")]
    [InlineData("-1", "decimal_below_min_value")]
    [InlineData("4.01", "decimal_above_max_value")]
    [InlineData("1e400", "decimal_above_max_value")]
    public void A_volume_multiplier_out_of_range_is_a_400_that_gives_the_range(string raw, string code)
    {
        var error = ParseInvalid(With(("volume_multiplier", raw)));

        Assert.Equal("volume_multiplier", error.Param);
        Assert.Equal(code, error.Code);
        Assert.Contains("between 0.1 and 4.0", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Normalize_false_turns_normalization_off_and_makes_the_parts_moot()
    {
        var body = Parse(With(("normalization_options", """{"unit_normalization":false,"normalize":false}""")));

        Assert.False(body.Request.Normalization.Enabled);
        Assert.Empty(body.Ignored);
    }

    [Theory]
    [InlineData("unit_normalization", "true")]
    [InlineData("url_normalization", "true")]
    [InlineData("email_normalization", "true")]
    [InlineData("phone_normalization", "true")]
    [InlineData("replace_remaining_symbols", "true")]
    [InlineData("optional_pluralization_normalization", "false")]
    [InlineData("caps_normalization", "true")]
    [InlineData("remove_emoji", "true")]
    [InlineData("unit_normalization", "null")]
    public void A_part_that_asks_for_what_orator_does_is_honoured(string member, string raw)
    {
        Assert.Empty(Parse(With(("normalization_options", $$"""{"{{member}}":{{raw}}}"""))).Ignored);
    }

    [Theory]
    [InlineData("url_normalization")]
    [InlineData("email_normalization")]
    [InlineData("phone_normalization")]
    [InlineData("replace_remaining_symbols")]
    [InlineData("remove_emoji")]
    public void A_part_switched_off_that_orator_always_does_is_named(string member)
    {
        Assert.Equal([$"normalization_options.{member}"], Parse(With(("normalization_options", $$"""{"{{member}}":false}"""))).Ignored);
    }

    [Fact]
    public void An_unknown_normalization_option_is_a_400_by_default_and_named_when_ignoring()
    {
        var json = With(("normalization_options", """{"spell_numbers":true}"""));

        var error = ParseInvalid(json);
        Assert.Equal("normalization_options", error.Param);
        Assert.Contains("normalization_options.spell_numbers", error.Message, StringComparison.Ordinal);
        Assert.Equal(["normalization_options.spell_numbers"], Parse(json, UnknownFieldPolicy.Ignore).Ignored);
    }

    [Fact]
    public void Both_normalization_fields_at_once_are_a_400()
    {
        var error = ParseInvalid(With(("normalization", "false"), ("normalization_options", "{}")));

        Assert.Equal("normalization_options", error.Param);
    }

    [Theory]
    [InlineData("mp3")]
    [InlineData("pcm")]
    public void A_download_format_is_accepted_and_named(string format)
    {
        Assert.Equal(["download_format"], Parse(With(("download_format", Quoted(format)))).Ignored);
    }

    [Theory]
    [InlineData("a")]
    [InlineData("en-gb")]
    [InlineData("pt-BR")]
    public void A_lang_code_is_carried_as_given(string code)
    {
        Assert.Equal(code, Parse(With(("lang_code", Quoted(code)))).Request.LangCode);
    }

    [Theory]
    [InlineData("lang_code", "")]
    [InlineData("lang_code", "null")]
    public void An_empty_or_null_lang_code_means_the_voice_s_own(string field, string raw)
    {
        Assert.Null(Parse(With((field, raw.Length == 0 ? "\"\"" : raw))).Request.LangCode);
    }

    /// <summary>Every new field with a value of the wrong type or out of its range: field, raw JSON, the param blamed.</summary>
    public static TheoryData<string, string, string> WrongValues => new()
    {
        { "stream", "\"false\"", "stream" },
        { "stream", "0", "stream" },
        { "stream", "[]", "stream" },
        { "stream", "{}", "stream" },
        { "volume_multiplier", "\"2\"", "volume_multiplier" },
        { "volume_multiplier", "true", "volume_multiplier" },
        { "volume_multiplier", "[2]", "volume_multiplier" },
        { "volume_multiplier", "100", "volume_multiplier" },
        { "lang_code", "1", "lang_code" },
        { "lang_code", "true", "lang_code" },
        { "lang_code", "[\"a\"]", "lang_code" },
        { "lang_code", "{\"code\":\"a\"}", "lang_code" },
        { "lang_code", Quoted(new string('a', 40)), "lang_code" },
        { "normalization_options", "true", "normalization_options" },
        { "normalization_options", "\"on\"", "normalization_options" },
        { "normalization_options", "[]", "normalization_options" },
        { "normalization_options", """{"normalize":"yes"}""", "normalization_options" },
        { "normalization_options", """{"unit_normalization":1}""", "normalization_options" },
        { "normalization_options", """{"normalize":true,"normalize":false}""", "normalization_options" },
        { "return_download_link", "\"true\"", "return_download_link" },
        { "return_download_link", "1", "return_download_link" },
        { "download_format", "\"ogg\"", "download_format" },
        { "download_format", "\"MP3\"", "download_format" },
        { "download_format", "3", "download_format" },
        { "sample_rate", "\"16000\"", "sample_rate" },
        { "sample_rate", "16000.5", "sample_rate" },
        { "sample_rate", "11025", "sample_rate" },
    };

    [Theory]
    [MemberData(nameof(WrongValues))]
    public void A_wrong_type_or_value_is_a_400_on_its_param(string field, string raw, string param)
    {
        var json = With(("response_format", "\"wav\""), (field, raw));

        var error = ParseInvalid(json);

        Assert.Equal(param, error.Param);
        Assert.Equal(400, error.StatusCode);
        Assert.Equal("invalid_request_error", error.Type);
        // Ignoring unknown fields never excuses a known field's wrong value.
        Assert.False(SpeechRequestParser.TryParse(Encoding.UTF8.GetBytes(json), UnknownFieldPolicy.Ignore, [], out _, out var lenient));
        Assert.Equal(param, lenient!.Param);
    }

    [Theory]
    [InlineData("stream")]
    [InlineData("volume_multiplier")]
    [InlineData("lang_code")]
    [InlineData("sample_rate")]
    public void A_new_field_given_twice_is_a_400(string field)
    {
        var error = ParseInvalid($$"""{"model":"tts-1","input":"x","voice":"alloy","response_format":"wav","{{field}}":null,"{{field}}":null}""");

        Assert.Equal(field, error.Param);
    }

    private static SpeechBody Parse(string json, UnknownFieldPolicy policy = UnknownFieldPolicy.Reject)
    {
        var ok = SpeechRequestParser.TryParse(Encoding.UTF8.GetBytes(json), policy, [], out var body, out var error);
        Assert.True(ok, error?.Message);
        return body!;
    }
}
