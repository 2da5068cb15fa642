using Microsoft.AspNetCore.Http;
using Orator.Speech.Errors;

namespace Orator.Server.Api;

/// <summary>An endpoint result that answers with an <see cref="ApiError"/> in the OpenAI shape.</summary>
/// <param name="error">The error to write.</param>
internal sealed class ApiErrorResult(ApiError error) : IResult, IStatusCodeHttpResult, IContentTypeHttpResult
{
    /// <summary>The error this result writes.</summary>
    public ApiError Error { get; } = error ?? throw new ArgumentNullException(nameof(error));

    /// <inheritdoc />
    public int? StatusCode => Error.StatusCode;

    /// <inheritdoc />
    public string ContentType => ApiErrorWriter.ContentType;

    /// <inheritdoc />
    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        return ApiErrorWriter.WriteAsync(httpContext.Response, Error, httpContext.RequestAborted);
    }
}
