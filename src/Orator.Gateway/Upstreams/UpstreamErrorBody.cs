using System.Text;
using System.Text.Json;
using Orator.Speech.Errors;

namespace Orator.Gateway.Upstreams;

/// <summary>
/// Reads an upstream's error answer into the OpenAI shape, so a 4xx that is the client's fault
/// reaches the client as the upstream said it. Anything that is not an OpenAI error object becomes
/// a plain message of the same status; the upstream's key never appears in what comes back.
/// </summary>
internal static class UpstreamErrorBody
{
    /// <summary>The most of an error body that is read.</summary>
    public const int MaxBytes = 16 * 1024;

    /// <summary>The client-facing error for a <paramref name="status"/> answer with <paramref name="body"/>.</summary>
    public static ApiError ToClientError(int status, ReadOnlySpan<byte> body, string? secret)
    {
        var (message, type, param, code) = Parse(body);
        message = Scrub(message ?? $"The upstream provider refused the request with HTTP {status}.", secret);
        return new ApiError(status, message, type ?? ApiErrorTypes.InvalidRequest, param is null ? null : Scrub(param, secret), code is null ? null : Scrub(code, secret));
    }

    private static (string? Message, string? Type, string? Param, string? Code) Parse(ReadOnlySpan<byte> body)
    {
        try
        {
            var reader = new Utf8JsonReader(body);
            using var document = JsonDocument.ParseValue(ref reader);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("error", out var error))
            {
                return error.ValueKind switch
                {
                    JsonValueKind.Object => (Text(error, "message"), Text(error, "type"), Text(error, "param"), Text(error, "code")),
                    JsonValueKind.String => (error.GetString(), null, null, null),
                    _ => (null, null, null, null),
                };
            }

            // FastAPI-style servers answer {"detail": "..."}.
            if (document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("detail", out var detail))
            {
                return (detail.ValueKind == JsonValueKind.String ? detail.GetString() : detail.GetRawText(), null, null, null);
            }
        }
        catch (JsonException)
        {
            // Not JSON: fall through to the plain message.
        }

        return (null, null, null, null);
    }

    private static string? Text(JsonElement error, string name) =>
        error.TryGetProperty(name, out var value) ? value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        } : null;

    private static string Scrub(string text, string? secret)
    {
        var cleaned = secret is { Length: > 0 } ? text.Replace(secret, "***", StringComparison.Ordinal) : text;
        return cleaned.Length > 2000 ? cleaned[..2000] : cleaned;
    }

    /// <summary>Decodes <paramref name="body"/> for a log line, shortened, with the secret removed.</summary>
    public static string ForLog(ReadOnlySpan<byte> body, string? secret)
    {
        var text = Encoding.UTF8.GetString(body.Length > 500 ? body[..500] : body);
        return Scrub(text, secret);
    }
}
