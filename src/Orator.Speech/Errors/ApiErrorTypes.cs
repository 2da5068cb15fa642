namespace Orator.Speech.Errors;

/// <summary>The <c>error.type</c> values of the OpenAI error shape; clients branch on these.</summary>
public static class ApiErrorTypes
{
    /// <summary>The request was malformed, failed validation or named something unknown.</summary>
    public const string InvalidRequest = "invalid_request_error";

    /// <summary>Too many requests in the current window.</summary>
    public const string RateLimit = "rate_limit_error";

    /// <summary>The caller's quota is used up.</summary>
    public const string InsufficientQuota = "insufficient_quota";

    /// <summary>The server failed or is overloaded; the request itself may be fine.</summary>
    public const string Server = "server_error";
}
