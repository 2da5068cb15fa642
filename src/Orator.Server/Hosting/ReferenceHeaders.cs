using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Orator.Server.Hosting;

/// <summary>
/// Headers the reference API and its SDKs expect, added in one place as each response starts, so no
/// endpoint or refusal can forget them: <c>retry-after-ms</c> beside every <c>Retry-After</c> (the
/// OpenAI SDKs read it first), and on <c>/v1</c> <c>openai-version</c> and <c>openai-processing-ms</c>
/// (speech sets its own: the time to the first audio).
/// </summary>
internal static class ReferenceHeaders
{
    /// <summary>The API version the reference sends in <c>openai-version</c>.</summary>
    public const string ApiVersion = "2020-10-01";

    /// <summary>Milliseconds before a retry, beside <c>Retry-After</c>.</summary>
    public const string RetryAfterMs = "retry-after-ms";

    /// <summary>The reference API's version header.</summary>
    public const string Version = "openai-version";

    /// <summary>Milliseconds the server spent before it answered.</summary>
    public const string ProcessingMs = "openai-processing-ms";

    public static IApplicationBuilder UseReferenceHeaders(this IApplicationBuilder app) => app.Use(static (context, next) =>
    {
        context.Response.OnStarting(AddAsync, new Arrival(context, Stopwatch.GetTimestamp()));
        return next(context);
    });

    private static Task AddAsync(object state)
    {
        var (context, start) = (Arrival)state;
        var headers = context.Response.Headers;

        // Every Retry-After Orator sends is whole seconds; a date (none today) has no millisecond twin.
        if (headers.ContainsKey("Retry-After") && !headers.ContainsKey(RetryAfterMs)
            && long.TryParse(headers.RetryAfter.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            headers[RetryAfterMs] = (seconds * 1000).ToString(CultureInfo.InvariantCulture);
        }

        if (ApiPaths.IsApi(context.Request.Path))
        {
            headers[Version] = ApiVersion;
            if (!headers.ContainsKey(ProcessingMs))
            {
                headers[ProcessingMs] = ((long)Stopwatch.GetElapsedTime(start).TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
            }
        }

        return Task.CompletedTask;
    }

    private sealed record Arrival(HttpContext Context, long Start);
}
