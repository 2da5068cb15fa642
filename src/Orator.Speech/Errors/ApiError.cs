using System.Globalization;

namespace Orator.Speech.Errors;

/// <summary>
/// One error as the OpenAI API reports it: an HTTP status plus the
/// <c>{"error": {"message", "type", "param", "code"}}</c> body fields.
/// </summary>
/// <param name="StatusCode">The HTTP status code to answer with.</param>
/// <param name="Message">A human-readable explanation; never contains internal details.</param>
/// <param name="Type">One of the <see cref="ApiErrorTypes"/> values.</param>
/// <param name="Param">The request parameter at fault, when there is one.</param>
/// <param name="Code">A stable machine-readable code, when there is one.</param>
public sealed record ApiError(int StatusCode, string Message, string Type, string? Param = null, string? Code = null)
{
    /// <summary>A 400 for a request that failed validation.</summary>
    public static ApiError InvalidRequest(string message, string? param, string? code = null) =>
        new(400, message, ApiErrorTypes.InvalidRequest, param, code);

    /// <summary>A 401 for a request that carried no bearer token.</summary>
    public static ApiError MissingApiKey() => new(
        401,
        "You didn't provide an API key. You need to provide your API key in an Authorization header "
            + "using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).",
        ApiErrorTypes.InvalidRequest,
        Code: "invalid_api_key");

    /// <summary>A 401 for a bearer token that matches no configured key; the key is never echoed.</summary>
    public static ApiError InvalidApiKey() => new(
        401,
        "Incorrect API key provided. Check the key and send it as 'Authorization: Bearer YOUR_KEY'.",
        ApiErrorTypes.InvalidRequest,
        Code: "invalid_api_key");

    /// <summary>A 401 for a stored key whose secret is right but which has been revoked.</summary>
    public static ApiError RevokedApiKey() => new(
        401,
        "This API key has been revoked. Ask the server's operator for a new key.",
        ApiErrorTypes.InvalidRequest,
        Code: "invalid_api_key");

    /// <summary>A 401 for a stored key whose secret is right but which has expired.</summary>
    public static ApiError ExpiredApiKey() => new(
        401,
        "This API key has expired. Ask the server's operator for a new key.",
        ApiErrorTypes.InvalidRequest,
        Code: "invalid_api_key");

    /// <summary>A 403 for a key that may not use the model asked for.</summary>
    public static ApiError ModelNotAllowed(string model) => new(
        403,
        $"This API key is not allowed to use the model '{ErrorText.Shorten(model)}'.",
        ApiErrorTypes.InvalidRequest,
        "model",
        "model_not_allowed");

    /// <summary>A 429 for a key over its per-minute requests or characters.</summary>
    public static ApiError RateLimitedFor(string what) => new(
        429,
        $"Rate limit reached for {what} per minute on this API key. Please try again after the time in the Retry-After header.",
        ApiErrorTypes.RateLimit,
        Code: "rate_limit_exceeded");

    /// <summary>A 429 for a key whose daily or monthly character quota is used up.</summary>
    public static ApiError QuotaExceededFor(string period) => new(
        429,
        $"You exceeded your current quota: this API key's characters per {period} are used up.",
        ApiErrorTypes.InsufficientQuota,
        Code: "insufficient_quota");

    /// <summary>A 401 for a request to the admin API without the admin key.</summary>
    public static ApiError InvalidAdminKey() => new(
        401,
        "The admin API needs the admin key: send it as 'Authorization: Bearer ADMIN_KEY'.",
        ApiErrorTypes.InvalidRequest,
        Code: "invalid_admin_key");

    /// <summary>A 404 for a route the server does not have.</summary>
    public static ApiError NotFound(string method, string path) => new(
        404,
        $"Unknown request URL: {method} {path}. Please check the URL for typos.",
        ApiErrorTypes.InvalidRequest,
        Code: "unknown_url");

    /// <summary>A 405 for a known route asked with the wrong method.</summary>
    public static ApiError MethodNotAllowed(string method, string path) => new(
        405,
        $"Method {method} is not allowed for {path}.",
        ApiErrorTypes.InvalidRequest,
        Code: "method_not_allowed");

    /// <summary>A 413 for a body larger than the server accepts.</summary>
    public static ApiError PayloadTooLarge(long maxBytes) => new(
        413,
        string.Create(CultureInfo.InvariantCulture, $"The request body is too large. The maximum size is {maxBytes} bytes."),
        ApiErrorTypes.InvalidRequest,
        Code: "request_too_large");

    /// <summary>A 415 for a body that is not declared as JSON.</summary>
    public static ApiError UnsupportedMediaType(string? contentType) => new(
        415,
        string.IsNullOrEmpty(contentType)
            ? "The request has no Content-Type. Send the body as JSON with 'Content-Type: application/json'."
            : $"Unsupported Content-Type '{ErrorText.Shorten(contentType)}'. Send the body as JSON with 'Content-Type: application/json'.",
        ApiErrorTypes.InvalidRequest,
        Code: "unsupported_media_type");

    /// <summary>A 404 for a model the server does not offer.</summary>
    public static ApiError ModelNotFound(string model) => new(
        404,
        $"The model '{ErrorText.Shorten(model)}' does not exist or you do not have access to it.",
        ApiErrorTypes.InvalidRequest,
        "model",
        "model_not_found");

    /// <summary>A 400 for a voice the chosen model does not offer.</summary>
    public static ApiError VoiceNotFound(string voice, string model) => new(
        400,
        $"The voice '{ErrorText.Shorten(voice)}' is not available for model '{ErrorText.Shorten(model)}'. "
            + "See GET /v1/audio/voices for the voices each model offers.",
        ApiErrorTypes.InvalidRequest,
        "voice",
        "invalid_value");

    /// <summary>A 429 for a caller over its request rate.</summary>
    public static ApiError RateLimited() => new(
        429,
        "Rate limit reached for requests. Please try again later.",
        ApiErrorTypes.RateLimit,
        Code: "rate_limit_exceeded");

    /// <summary>A 429 for a caller whose quota is used up.</summary>
    public static ApiError QuotaExceeded() => new(
        429,
        "You exceeded your current quota.",
        ApiErrorTypes.InsufficientQuota,
        Code: "insufficient_quota");

    /// <summary>A 500 that tells the client nothing about the failure's internals.</summary>
    public static ApiError ServerError() => new(
        500,
        "The server had an error while processing your request. Sorry about that!",
        ApiErrorTypes.Server);

    /// <summary>A 503 for a server with no capacity left right now.</summary>
    public static ApiError Overloaded() => new(
        503,
        "The server is currently overloaded. Please try again later.",
        ApiErrorTypes.Server,
        Code: "overloaded");

    /// <summary>A 503 for a model none of whose backends (local engines, upstreams) can serve it right now.</summary>
    public static ApiError BackendsUnavailable(string model) => new(
        503,
        $"No backend can serve the model '{ErrorText.Shorten(model)}' right now. Please try again after the time in the Retry-After header.",
        ApiErrorTypes.Server,
        Code: "backends_unavailable");
}
