using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Orator.Server.Api;
using Orator.Speech.Errors;

namespace Orator.Server.Tests.Api;

public sealed class ApiErrorWriterTests
{
    [Fact]
    public async Task The_response_gets_the_status_content_type_and_the_openai_error_shape()
    {
        var context = NewContext();
        var error = ApiError.InvalidRequest("Bad speed.", "speed", "decimal_above_max_value");

        await ApiErrorWriter.WriteAsync(context.Response, error, CancellationToken.None);

        Assert.Equal(400, context.Response.StatusCode);
        Assert.Equal("application/json; charset=utf-8", context.Response.ContentType);
        using var body = ReadBody(context);
        var fields = Fields(body);
        Assert.Equal("Bad speed.", fields["message"].GetString());
        Assert.Equal("invalid_request_error", fields["type"].GetString());
        Assert.Equal("speed", fields["param"].GetString());
        Assert.Equal("decimal_above_max_value", fields["code"].GetString());
    }

    [Fact]
    public async Task Absent_param_and_code_are_written_as_json_null_not_left_out()
    {
        var context = NewContext();

        await ApiErrorWriter.WriteAsync(context.Response, ApiError.ServerError(), CancellationToken.None);

        using var body = ReadBody(context);
        var fields = Fields(body);
        Assert.Equal(["message", "type", "param", "code"], fields.Keys);
        Assert.Equal(JsonValueKind.Null, fields["param"].ValueKind);
        Assert.Equal(JsonValueKind.Null, fields["code"].ValueKind);
        Assert.Equal(500, context.Response.StatusCode);
    }

    [Fact]
    public async Task The_content_length_matches_the_body()
    {
        var context = NewContext();

        await ApiErrorWriter.WriteAsync(context.Response, ApiError.MissingApiKey(), CancellationToken.None);

        Assert.Equal(context.Response.Body.Length, context.Response.ContentLength);
    }

    [Fact]
    public async Task Quotes_and_non_ascii_in_messages_survive_the_round_trip()
    {
        var context = NewContext();
        var message = "Unrecognized request argument supplied: \"voix\" — ünïcode 😀 </script>";

        await ApiErrorWriter.WriteAsync(context.Response, ApiError.InvalidRequest(message, "x"), CancellationToken.None);

        using var body = ReadBody(context);
        Assert.Equal(message, Fields(body)["message"].GetString());
    }

    [Fact]
    public void The_body_has_exactly_one_top_level_property_named_error()
    {
        using var document = JsonDocument.Parse(ApiErrorWriter.ToUtf8Json(ApiError.Overloaded()));

        var property = Assert.Single(document.RootElement.EnumerateObject());
        Assert.Equal("error", property.Name);
        Assert.Equal(JsonValueKind.Object, property.Value.ValueKind);
    }

    [Fact]
    public async Task An_error_result_writes_the_same_response_as_the_writer()
    {
        var context = NewContext();
        var result = new ApiErrorResult(ApiError.ModelNotFound("tts-9"));

        await result.ExecuteAsync(context);

        Assert.Equal(404, context.Response.StatusCode);
        Assert.Equal(404, result.StatusCode);
        using var body = ReadBody(context);
        Assert.Equal("model_not_found", Fields(body)["code"].GetString());
    }

    private static DefaultHttpContext NewContext()
    {
        var context = new DefaultHttpContext();
        context.Response.Body = new MemoryStream();
        return context;
    }

    private static JsonDocument ReadBody(HttpContext context)
    {
        context.Response.Body.Position = 0;
        return JsonDocument.Parse(context.Response.Body);
    }

    private static Dictionary<string, JsonElement> Fields(JsonDocument body)
    {
        var error = body.RootElement.GetProperty("error");
        return error.EnumerateObject().ToDictionary(p => p.Name, p => p.Value);
    }
}
