using System.Net;
using System.Text;
using Orator.Functional.Tests.Infrastructure;

namespace Orator.Functional.Tests.Speech;

[Collection(OpenServerCollection.Name)]
public sealed class ValidationErrorTests(OpenServerFixture server)
{
    public static TheoryData<string, int, string?, string?> BadBodies => new()
    {
        { """{"input":"hi","voice":"alloy"}""", 400, "model", "missing_required_parameter" },
        { """{"model":"tts-1","voice":"alloy"}""", 400, "input", "missing_required_parameter" },
        { """{"model":"tts-1","input":"hi"}""", 400, "voice", "missing_required_parameter" },
        { """{"model":"tts-1","input":"","voice":"alloy"}""", 400, "input", null },
        { """{"model":"tts-1","input":5,"voice":"alloy"}""", 400, "input", "invalid_type" },
        { """{"model":7,"input":"hi","voice":"alloy"}""", 400, "model", "invalid_type" },
        { """{"model":"tts-1","input":"hi","voice":3}""", 400, "voice", "invalid_type" },
        { """{"model":"tts-1","input":"hi","voice":{}}""", 400, "voice", "missing_required_parameter" },
        { """{"model":"tts-1","input":"hi","voice":"alloy","speed":"fast"}""", 400, "speed", "invalid_type" },
        { """{"model":"tts-1","input":"hi","voice":"alloy","speed":0.2}""", 400, "speed", "decimal_below_min_value" },
        { """{"model":"tts-1","input":"hi","voice":"alloy","speed":4.01}""", 400, "speed", "decimal_above_max_value" },
        { """{"model":"tts-1","input":"hi","voice":"alloy","response_format":"ogg"}""", 400, "response_format", "invalid_value" },
        { """{"model":"tts-1","input":"hi","voice":"alloy","stream_format":"chunks"}""", 400, "stream_format", "invalid_value" },
        { """{"model":"tts-1","input":"hi","voice":"alloy","instructions":42}""", 400, "instructions", "invalid_type" },
        { """{"model":"tts-1","input":"hi","voice":"alloy","temperature":1}""", 400, "temperature", "unknown_parameter" },
        { """{"model":"tts-1","input":"hi","voice":"nobody"}""", 400, "voice", "invalid_value" },
        { """{"model":"tts-2","input":"hi","voice":"alloy"}""", 404, "model", "model_not_found" },
        { """{"model":"tts-1","input":"hi","voice":"alloy",}""", 400, null, null },
        { """{"model":"tts-1","input":"hi""", 400, null, null },
        { """[1,2,3]""", 400, null, null },
        { "", 400, null, null },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task Bad_bodies_get_an_openai_error_naming_the_parameter(string body, int status, string? param, string? code)
    {
        using var client = server.CreateClient();
        using var response = await client.PostRawAsync("v1/audio/speech", body);

        Assert.Equal(status, (int)response.StatusCode);
        var error = await SpeechCalls.ReadErrorAsync(response);
        Assert.Equal("invalid_request_error", error.Type);
        Assert.Equal(param, error.Param);
        Assert.Equal(code, error.Code);
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
    }

    [Fact]
    public async Task Input_over_4096_code_points_is_rejected_with_the_reference_message()
    {
        using var client = server.CreateClient();
        using var response = await client.PostSpeechAsync(new { model = "tts-1", input = string.Concat(Enumerable.Repeat("😀", 4097)), voice = "alloy" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await SpeechCalls.ReadErrorAsync(response);
        Assert.Equal("input", error.Param);
        Assert.Equal("string_above_max_length", error.Code);
        Assert.Equal("Expected a string with maximum length 4096, but got a string with length 4097 instead.", error.Message);
    }

    [Fact]
    public async Task Without_a_response_format_the_answer_is_mp3()
    {
        using var client = server.CreateClient();
        using var response = await client.PostSpeechAsync(new { model = "tts-1", input = "hi", voice = "alloy" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("audio/mpeg", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("mp3", (await AudioProbe.ProbeAsync(await response.Content.ReadAsByteArrayAsync())).Codec);
    }

    [Fact]
    public async Task Invalid_utf8_is_a_400()
    {
        using var client = server.CreateClient();
        var body = Encoding.UTF8.GetBytes("""{"model":"tts-1","input":"hi X","voice":"alloy"}""");
        body[Array.IndexOf(body, (byte)'X')] = 0xFF;
        using var response = await client.PostRawAsync("v1/audio/speech", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await SpeechCalls.ReadErrorAsync(response);
        Assert.Contains("UTF-8", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Bodies_over_64_KiB_are_a_413()
    {
        using var client = server.CreateClient();
        var body = $$"""{"model":"tts-1","voice":"alloy","input":"{{new string('a', 70 * 1024)}}"}""";
        using var response = await client.PostRawAsync("v1/audio/speech", body);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("invalid_request_error", (await SpeechCalls.ReadErrorAsync(response)).Type);
    }

    [Fact]
    public async Task Chunked_bodies_over_64_KiB_are_a_413_too()
    {
        using var client = server.CreateClient();
        var body = Encoding.UTF8.GetBytes($$"""{"model":"tts-1","voice":"alloy","input":"{{new string('a', 70 * 1024)}}"}""");
        using var content = new StreamContent(new MemoryStream(body));
        content.Headers.ContentType = new("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "v1/audio/speech") { Content = content };
        request.Headers.TransferEncodingChunked = true;
        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData(null)]
    public async Task Non_json_content_types_are_a_415(string? contentType)
    {
        using var client = server.CreateClient();
        using var response = await client.PostRawAsync("v1/audio/speech", """{"model":"tts-1","input":"hi","voice":"alloy","response_format":"wav"}""", contentType);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("invalid_request_error", (await SpeechCalls.ReadErrorAsync(response)).Type);
    }

    [Fact]
    public async Task Unknown_routes_are_an_openai_404()
    {
        using var client = server.CreateClient();
        using var response = await client.PostRawAsync("v1/audio/nothing", "{}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var error = await SpeechCalls.ReadErrorAsync(response);
        Assert.Contains("/v1/audio/nothing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_methods_are_an_openai_405()
    {
        using var client = server.CreateClient();
        using var response = await client.GetAsync("v1/audio/speech");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("invalid_request_error", (await SpeechCalls.ReadErrorAsync(response)).Type);
    }

    [Fact]
    public async Task A_stream_of_garbage_requests_never_produces_a_500()
    {
        using var client = server.CreateClient();
        var random = new Random(1234);
        for (var i = 0; i < 200; i++)
        {
            var body = new byte[random.Next(0, 300)];
            random.NextBytes(body);
            if (i % 3 == 0 && body.Length > 2)
            {
                body[0] = (byte)'{';
            }

            using var response = await client.PostRawAsync("v1/audio/speech", body);
            Assert.True((int)response.StatusCode is >= 400 and < 500, $"garbage #{i} got {(int)response.StatusCode}");
        }
    }
}
