using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orator.Server.Api;
using Orator.Server.Auth;
using Orator.Server.Admin;
using Orator.Server.Requests;
using Orator.Speech.Errors;

namespace Orator.Server.Hosting;

/// <summary>
/// The middleware every request passes: a request id, the reference API's headers, OpenAI-shaped errors for anything the
/// framework would answer on its own (404, 405, unhandled exceptions), and bearer-key auth on /v1
/// (the listings of <see cref="PublicCatalog"/> excepted when no key is sent).
/// </summary>
internal static partial class RequestPipeline
{
    /// <summary>Header carrying the request id, as the reference API sends it.</summary>
    public const string RequestIdHeader = "x-request-id";

    public static void UseOratorPipeline(this WebApplication app)
    {
        app.Use(AssignRequestId);
        app.UseReferenceHeaders();
        app.UseRequestRecording();
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandler = WriteServerError,
            StatusCodeSelector = _ => StatusCodes.Status500InternalServerError,
        });
        app.UseStatusCodePages(WriteStatusCodeError);
        app.Use(Authenticate);
        app.UseAdminAuth();
    }

    private static async Task AssignRequestId(HttpContext context, RequestDelegate next)
    {
        var id = "req_" + Guid.NewGuid().ToString("N");
        context.TraceIdentifier = id;
        context.Response.Headers[RequestIdHeader] = id;
        var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Orator.Requests");
        using (logger.BeginScope(new RequestScope(id)))
        {
            await next(context);
        }
    }

    private static async Task Authenticate(HttpContext context, RequestDelegate next)
    {
        if (!ApiPaths.IsApi(context.Request.Path))
        {
            await next(context);
            return;
        }

        var keys = context.RequestServices.GetRequiredService<KeyAuthenticator>();
        var aborted = context.RequestAborted;
        if (await keys.IsOpenAsync(aborted))
        {
            await next(context);
            return;
        }

        // No header, another scheme, and an empty token ("Bearer " as SillyTavern sends it) are all "no key".
        var presented = ApiKeyValidator.ExtractBearer(context.Request.Headers.Authorization.ToString());
        if (presented is null)
        {
            if (context.RequestServices.GetRequiredService<IOptions<OratorOptions>>().Value.PublicCatalog
                && PublicCatalog.IsListing(RequestRecord.Of(context).Route, context.Request.Method))
            {
                await next(context);
                return;
            }

            await ApiErrorWriter.WriteAsync(context.Response, ApiError.MissingApiKey(), aborted);
            return;
        }

        var outcome = await keys.AuthenticateAsync(presented, aborted);
        if (outcome.Caller is not { } caller)
        {
            if (outcome.ProvenKeyId is not null)
            {
                RequestRecord.Of(context).KeyId = outcome.ProvenKeyId;
            }

            var error = outcome.Reason switch
            {
                AuthRefusal.Revoked => ApiError.RevokedApiKey(),
                AuthRefusal.Expired => ApiError.ExpiredApiKey(),
                _ => ApiError.InvalidApiKey(),
            };
            await ApiErrorWriter.WriteAsync(context.Response, error, aborted);
            return;
        }

        var record = RequestRecord.Of(context);
        record.Caller = caller;
        record.KeyId = caller.KeyId;

        if (caller.Key is { Limits.RequestsPerMinute: not null } key)
        {
            var limiter = context.RequestServices.GetRequiredService<Orator.Storage.Limits.IRateLimiter>();
            var decision = await limiter.TryReserveAsync(key.Id, key.Limits, 1, 0, DateTimeOffset.UtcNow, aborted);
            RateLimitHeaders.Apply(context.Response, decision);
            if (!decision.Allowed)
            {
                await ApiErrorWriter.WriteAsync(context.Response, ApiError.RateLimitedFor("requests"), aborted);
                return;
            }
        }

        await next(context);
    }

    private static Task WriteStatusCodeError(StatusCodeContext statusContext)
    {
        var context = statusContext.HttpContext;
        var request = context.Request;
        var error = context.Response.StatusCode switch
        {
            StatusCodes.Status404NotFound => ApiError.NotFound(request.Method, request.Path.ToString()),
            StatusCodes.Status405MethodNotAllowed => ApiError.MethodNotAllowed(request.Method, request.Path.ToString()),
            StatusCodes.Status413PayloadTooLarge => ApiError.PayloadTooLarge(context.RequestServices.GetRequiredService<IOptions<OratorOptions>>().Value.MaxRequestBodyBytes),
            StatusCodes.Status415UnsupportedMediaType => ApiError.UnsupportedMediaType(request.ContentType),
            >= 500 => ApiError.ServerError(),
            var status => new ApiError(status, "The request could not be handled.", status >= 500 ? "server_error" : "invalid_request_error"),
        };
        return ApiErrorWriter.WriteAsync(context.Response, error, context.RequestAborted);
    }

    private static Task WriteServerError(HttpContext context)
    {
        var feature = context.Features.Get<IExceptionHandlerFeature>();
        if (feature?.Error is { } exception)
        {
            var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Orator.Requests");
            LogUnhandled(logger, exception);
        }

        return ApiErrorWriter.WriteAsync(context.Response, ApiError.ServerError(), context.RequestAborted);
    }

    [LoggerMessage(EventId = 2000, Level = LogLevel.Error, Message = "Unhandled error while serving the request")]
    private static partial void LogUnhandled(ILogger logger, Exception exception);

    /// <summary>
    /// Logging scope that puts the request id on every line: as text in the plain console format,
    /// and as a <c>RequestId</c> property in the JSON format.
    /// </summary>
    private sealed class RequestScope(string requestId) : IReadOnlyList<KeyValuePair<string, object?>>
    {
        private readonly KeyValuePair<string, object?> _id = new("RequestId", requestId);

        public int Count => 1;

        public KeyValuePair<string, object?> this[int index] =>
            index == 0 ? _id : throw new ArgumentOutOfRangeException(nameof(index));

        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
        {
            yield return _id;
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

        public override string ToString() => requestId;
    }
}
