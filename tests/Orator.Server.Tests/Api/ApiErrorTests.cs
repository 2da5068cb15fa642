using Orator.Server.Api;
using Orator.Speech.Errors;

namespace Orator.Server.Tests.Api;

public sealed class ApiErrorTests
{
    [Theory]
    [InlineData(nameof(ApiError.MissingApiKey), 401, "invalid_request_error", "invalid_api_key")]
    [InlineData(nameof(ApiError.InvalidApiKey), 401, "invalid_request_error", "invalid_api_key")]
    [InlineData(nameof(ApiError.NotFound), 404, "invalid_request_error", "unknown_url")]
    [InlineData(nameof(ApiError.MethodNotAllowed), 405, "invalid_request_error", "method_not_allowed")]
    [InlineData(nameof(ApiError.PayloadTooLarge), 413, "invalid_request_error", "request_too_large")]
    [InlineData(nameof(ApiError.UnsupportedMediaType), 415, "invalid_request_error", "unsupported_media_type")]
    [InlineData(nameof(ApiError.ModelNotFound), 404, "invalid_request_error", "model_not_found")]
    [InlineData(nameof(ApiError.VoiceNotFound), 400, "invalid_request_error", "invalid_value")]
    [InlineData(nameof(ApiError.RateLimited), 429, "rate_limit_error", "rate_limit_exceeded")]
    [InlineData(nameof(ApiError.QuotaExceeded), 429, "insufficient_quota", "insufficient_quota")]
    [InlineData(nameof(ApiError.ServerError), 500, "server_error", null)]
    [InlineData(nameof(ApiError.Overloaded), 503, "server_error", "overloaded")]
    public void Each_factory_uses_the_reference_status_type_and_code(string factory, int status, string type, string? code)
    {
        var error = Create(factory);

        Assert.Equal(status, error.StatusCode);
        Assert.Equal(type, error.Type);
        Assert.Equal(code, error.Code);
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
    }

    [Fact]
    public void An_invalid_request_is_a_400_with_the_given_param_and_code()
    {
        var error = ApiError.InvalidRequest("Bad speed.", "speed", "invalid_value");

        Assert.Equal(new ApiError(400, "Bad speed.", "invalid_request_error", "speed", "invalid_value"), error);
    }

    [Fact]
    public void An_unknown_route_is_named_with_its_method()
    {
        Assert.StartsWith("Unknown request URL: POST /v1/foo.", ApiError.NotFound("POST", "/v1/foo").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_key_and_a_wrong_key_are_told_apart()
    {
        Assert.StartsWith("You didn't provide an API key.", ApiError.MissingApiKey().Message, StringComparison.Ordinal);
        Assert.StartsWith("Incorrect API key provided.", ApiError.InvalidApiKey().Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_model_is_named_and_blamed_on_the_model_param()
    {
        var error = ApiError.ModelNotFound("tts-9");

        Assert.Equal("The model 'tts-9' does not exist or you do not have access to it.", error.Message);
        Assert.Equal("model", error.Param);
    }

    [Fact]
    public void User_text_echoed_in_a_message_is_shortened()
    {
        var error = ApiError.ModelNotFound(new string('m', 5000));

        Assert.True(error.Message.Length < 200, error.Message);
    }

    [Fact]
    public void A_server_error_carries_no_param_and_a_generic_message()
    {
        var error = ApiError.ServerError();

        Assert.Null(error.Param);
        Assert.Equal("The server had an error while processing your request. Sorry about that!", error.Message);
    }

    private static ApiError Create(string factory) => factory switch
    {
        nameof(ApiError.MissingApiKey) => ApiError.MissingApiKey(),
        nameof(ApiError.InvalidApiKey) => ApiError.InvalidApiKey(),
        nameof(ApiError.NotFound) => ApiError.NotFound("GET", "/v1/nothing"),
        nameof(ApiError.MethodNotAllowed) => ApiError.MethodNotAllowed("GET", "/v1/audio/speech"),
        nameof(ApiError.PayloadTooLarge) => ApiError.PayloadTooLarge(65_536),
        nameof(ApiError.UnsupportedMediaType) => ApiError.UnsupportedMediaType("text/plain"),
        nameof(ApiError.ModelNotFound) => ApiError.ModelNotFound("tts-9"),
        nameof(ApiError.VoiceNotFound) => ApiError.VoiceNotFound("nobody", "tts-1"),
        nameof(ApiError.RateLimited) => ApiError.RateLimited(),
        nameof(ApiError.QuotaExceeded) => ApiError.QuotaExceeded(),
        nameof(ApiError.ServerError) => ApiError.ServerError(),
        nameof(ApiError.Overloaded) => ApiError.Overloaded(),
        _ => throw new ArgumentOutOfRangeException(nameof(factory), factory, null),
    };
}
