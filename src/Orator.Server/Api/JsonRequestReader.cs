using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Http;
using Orator.Server.Speech;
using Orator.Speech.Errors;

namespace Orator.Server.Api;

/// <summary>Parses a request body into <typeparamref name="T"/>, or says why not.</summary>
internal delegate bool BodyParser<T>(ReadOnlySpan<byte> utf8Body, [NotNullWhen(true)] out T? value, [NotNullWhen(false)] out ApiError? error)
    where T : class;

/// <summary>
/// Reads a JSON request body the way every JSON endpoint does: a JSON media type (415 otherwise),
/// at most the configured bytes (413 otherwise, however the body is framed), then the endpoint's parser.
/// </summary>
internal static class JsonRequestReader
{
    /// <summary>Reads and parses the body; returns the value, or the error to answer with.</summary>
    public static async Task<(T? Value, ApiError? Error)> ReadAsync<T>(HttpRequest request, int maxBytes, BodyParser<T> parse, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(parse);
        if (!IsJson(request.ContentType))
        {
            return (null, ApiError.UnsupportedMediaType(request.ContentType));
        }

        using var body = await RequestBody.ReadAsync(request, maxBytes, cancellationToken);
        if (body is null)
        {
            return (null, ApiError.PayloadTooLarge(maxBytes));
        }

        return parse(body.Span, out var value, out var error) ? (value, null) : (null, error);
    }

    /// <summary>True for <c>application/json</c> and any <c>+json</c> media type, parameters ignored.</summary>
    public static bool IsJson(string? contentType)
    {
        if (string.IsNullOrEmpty(contentType))
        {
            return false;
        }

        var mediaType = contentType.Split(';', 2)[0].Trim();
        return mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase);
    }
}
