using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Orator.Speech.Errors;

namespace Orator.Server.Api;

/// <summary>Reads one request object's members; the reader stands on the object's StartObject token.</summary>
internal delegate ApiError? JsonObjectReader<T>(ref Utf8JsonReader reader, out T? value)
    where T : class;

/// <summary>
/// The envelope every strict JSON request body shares: an optional byte order mark, the structural
/// validation (depth, duplicates, UTF-8), a top-level object, then the endpoint's own member reader.
/// Never throws.
/// </summary>
internal static class JsonObjectBody
{
    /// <summary>True with <paramref name="value"/> set, or false with <paramref name="error"/> set.</summary>
    public static bool TryRead<T>(
        ReadOnlySpan<byte> utf8Body,
        int maxDepth,
        JsonObjectReader<T> readMembers,
        [NotNullWhen(true)] out T? value,
        [NotNullWhen(false)] out ApiError? error)
        where T : class
    {
        value = null;
        if (utf8Body.StartsWith("\uFEFF"u8))
        {
            utf8Body = utf8Body[3..];
        }

        if (!JsonBodyValidator.TryValidate(utf8Body, maxDepth, out error))
        {
            return false;
        }

        try
        {
            var reader = new Utf8JsonReader(utf8Body);
            reader.Read();
            error = reader.TokenType == JsonTokenType.StartObject
                ? readMembers(ref reader, out value)
                : RequestErrors.NotAnObject(reader.TokenType);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            // Unreachable after validation; kept so that no body can ever surface as a 500.
            value = null;
            error = RequestErrors.MalformedJson(line: null, bytePositionInLine: null);
        }

        return error is null;
    }
}
