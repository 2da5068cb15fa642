using System.Text;
using Orator.Gateway.Upstreams;

namespace Orator.Server.Tests.Gateway;

public sealed class UpstreamBodiesTests
{
    private const string Secret = "sk-proj-abcdef123456";

    [Fact]
    public void An_openai_error_keeps_its_status_fields_and_loses_the_key()
    {
        var body = Encoding.UTF8.GetBytes("""{"error":{"message":"Voice 'zed' is not supported (key SECRET).","type":"invalid_request_error","param":"voice","code":"invalid_value"}}""".Replace("SECRET", Secret, StringComparison.Ordinal));
        var error = UpstreamErrorBody.ToClientError(400, body, Secret);
        Assert.Equal(400, error.StatusCode);
        Assert.Equal("Voice 'zed' is not supported (key ***).", error.Message);
        Assert.Equal("invalid_request_error", error.Type);
        Assert.Equal("voice", error.Param);
        Assert.Equal("invalid_value", error.Code);
    }

    [Theory]
    [InlineData("""{"detail":"Input too long"}""", "Input too long")]
    [InlineData("""{"error":"plain string error"}""", "plain string error")]
    [InlineData("<html>Bad Request</html>", "The upstream provider refused the request with HTTP 413.")]
    [InlineData("", "The upstream provider refused the request with HTTP 413.")]
    public void Other_error_bodies_become_an_openai_shaped_error_of_the_same_status(string body, string message)
    {
        var error = UpstreamErrorBody.ToClientError(413, Encoding.UTF8.GetBytes(body), Secret);
        Assert.Equal(413, error.StatusCode);
        Assert.Equal(message, error.Message);
        Assert.Equal("invalid_request_error", error.Type);
    }

    [Theory]
    [InlineData("""{"object":"list","data":[{"id":"alloy","name":"Alloy"},{"id":"af_bella"}]}""", new[] { "alloy", "af_bella" })]
    [InlineData("""{"voices":["af_bella","am_adam"]}""", new[] { "af_bella", "am_adam" })]
    [InlineData("""[{"voice_id":"v1"},{"name":"v2"}]""", new[] { "v1", "v2" })]
    public void Voice_lists_are_read_in_the_shapes_upstreams_use(string body, string[] expected)
    {
        Assert.Equal(expected, UpstreamVoices.Parse(Encoding.UTF8.GetBytes(body)));
    }

    [Theory]
    [InlineData("""{"object":"list","data":[]}""")]
    [InlineData("""{"something":"else"}""")]
    [InlineData("not json")]
    public void Anything_else_is_no_voice_list(string body)
    {
        Assert.Null(UpstreamVoices.Parse(Encoding.UTF8.GetBytes(body)));
    }

    [Fact]
    public void The_request_body_carries_only_the_openai_fields_in_the_upstreams_names()
    {
        var body = Encoding.UTF8.GetString(UpstreamRequestBody.Of(new UpstreamCall("tts-1-hd", "af_bella", "Hi \"there\"", null, 1.0, Orator.Core.Audio.AudioFormat.Opus)));
        Assert.Equal("""{"model":"tts-1-hd","input":"Hi \u0022there\u0022","voice":"af_bella","response_format":"opus"}""", body);
        var withSpeed = Encoding.UTF8.GetString(UpstreamRequestBody.Of(new UpstreamCall("m", "v", "x", "Calm.", 1.5, Orator.Core.Audio.AudioFormat.Pcm)));
        Assert.Equal("""{"model":"m","input":"x","voice":"v","response_format":"pcm","speed":1.5,"instructions":"Calm."}""", withSpeed);
    }
}
