using System.Text.Json;

namespace Orator.Functional.Tests.Infrastructure;

/// <summary>Error bodies shaped as OpenAI sends them: <c>{"error":{"message","type","param","code"}}</c>.</summary>
public static class OpenAiErrors
{
    public static string InvalidApiKey { get; } = Error(
        "Incorrect API key provided: sk-****. You can find your API key at https://platform.openai.com/account/api-keys.",
        "invalid_request_error", null, "invalid_api_key");

    public static string RateLimited { get; } = Error(
        "Rate limit reached for requests. Please try again later.", "requests", null, "rate_limit_exceeded");

    public static string ServerError { get; } = Error(
        "The server had an error while processing your request. Sorry about that!", "server_error", null, null);

    public static string UnparsableJson { get; } = Error(
        "We could not parse the JSON body of your request.", "invalid_request_error", null, null);

    public static string BadVoice(string voice) => Error(
        $"Invalid value for 'voice': '{voice}'.", "invalid_request_error", "voice", "invalid_value");

    public static string BadParameter(string param, string message) => Error(message, "invalid_request_error", param, null);

    public static string InvalidUrl(string method, string path) => Error(
        $"Invalid URL ({method} {path})", "invalid_request_error", null, null);

    /// <summary>The body a status answers with when the script names none.</summary>
    public static string ForStatus(int code) => code switch
    {
        401 => InvalidApiKey,
        403 => Error("Country, region, or territory not supported", "request_forbidden", null, "unsupported_country_region_territory"),
        429 => RateLimited,
        >= 500 => ServerError,
        _ => Error($"Scripted upstream status {code}.", "invalid_request_error", null, null),
    };

    public static string Error(string message, string type, string? param, string? code) =>
        JsonSerializer.Serialize(new { error = new { message, type, param, code } });
}
