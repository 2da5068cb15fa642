using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using Orator.Speech.Errors;

namespace Orator.Server.Api;

/// <summary>
/// The first pass over a request body: valid UTF-8 (which <see cref="Utf8JsonReader"/> does not
/// check inside strings), one well-formed JSON value, and a bounded nesting depth. Doing this before
/// looking at any field means a broken body always gets the parse error, never a field error.
/// </summary>
internal static class JsonBodyValidator
{
    /// <summary>Checks <paramref name="body"/> (without a byte order mark); never throws.</summary>
    public static bool TryValidate(ReadOnlySpan<byte> body, int maxDepth, [NotNullWhen(false)] out ApiError? error)
    {
        if (!Utf8.IsValid(body))
        {
            error = RequestErrors.InvalidUtf8(FindInvalidUtf8(body));
            return false;
        }

        if (body.IndexOfAnyExcept(" \t\r\n"u8) < 0)
        {
            error = RequestErrors.EmptyBody();
            return false;
        }

        // The reader's own limit (64 by default) stays above maxDepth so that ours trips first
        // with a precise message; a deep body costs O(maxDepth) work, never recursion.
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = maxDepth + 8 });
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray
                    && reader.CurrentDepth >= maxDepth)
                {
                    error = RequestErrors.NestedTooDeeply(maxDepth);
                    return false;
                }
            }
        }
        catch (JsonException e)
        {
            error = RequestErrors.MalformedJson(e.LineNumber, e.BytePositionInLine);
            return false;
        }

        error = null;
        return true;
    }

    private static int FindInvalidUtf8(ReadOnlySpan<byte> body)
    {
        var offset = 0;
        while (offset < body.Length)
        {
            if (Rune.DecodeFromUtf8(body[offset..], out _, out var consumed) != OperationStatus.Done)
            {
                return offset;
            }

            offset += consumed;
        }

        return offset;
    }
}
