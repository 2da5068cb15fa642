using System.Buffers;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Orator.Speech.Errors;

namespace Orator.Server.Api;

/// <summary>
/// Writes an <see cref="ApiError"/> in the OpenAI shape
/// <c>{"error":{"message":...,"type":...,"param":...,"code":...}}</c>, with <c>param</c> and
/// <c>code</c> always present (null when absent) because clients index them unconditionally.
/// </summary>
internal static class ApiErrorWriter
{
    /// <summary>The Content-Type of every error body.</summary>
    public const string ContentType = "application/json; charset=utf-8";

    private static readonly JsonEncodedText ErrorName = JsonEncodedText.Encode("error");
    private static readonly JsonEncodedText MessageName = JsonEncodedText.Encode("message");
    private static readonly JsonEncodedText TypeName = JsonEncodedText.Encode("type");
    private static readonly JsonEncodedText ParamName = JsonEncodedText.Encode("param");
    private static readonly JsonEncodedText CodeName = JsonEncodedText.Encode("code");

    /// <summary>Writes the error object (the whole <c>{"error":{...}}</c> value) to a JSON writer.</summary>
    public static void Write(Utf8JsonWriter writer, ApiError error)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(error);

        writer.WriteStartObject();
        writer.WriteStartObject(ErrorName);
        writer.WriteString(MessageName, error.Message);
        writer.WriteString(TypeName, error.Type);
        WriteStringOrNull(writer, ParamName, error.Param);
        WriteStringOrNull(writer, CodeName, error.Code);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    /// <summary>Serialises the error body to UTF-8 JSON (also usable inside an SSE <c>data:</c> line).</summary>
    public static byte[] ToUtf8Json(ApiError error)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, error);
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>
    /// Sets the status, Content-Type and Content-Length of a response that has not started yet
    /// and writes the error body to it.
    /// </summary>
    public static async Task WriteAsync(HttpResponse response, ApiError error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(error);

        var body = ToUtf8Json(error);
        response.StatusCode = error.StatusCode;
        response.ContentType = ContentType;
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, cancellationToken);
    }

    private static void WriteStringOrNull(Utf8JsonWriter writer, JsonEncodedText name, string? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, value);
        }
    }
}
