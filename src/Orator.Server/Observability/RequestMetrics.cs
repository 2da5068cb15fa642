using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Orator.Server.Observability;

/// <summary>
/// Middleware that times every request and counts those the speech endpoint does not count
/// itself. Routes are labelled by their pattern (<c>/v1/models/{id}</c>), never by the raw path,
/// so a scanner cannot grow the label set.
/// </summary>
internal static class RequestMetrics
{
    private static readonly object CountedKey = new();

    /// <summary>Status label for a client that went away before the response completed.</summary>
    public const string ClientClosedStatus = "499";

    /// <summary>Adds the middleware; it must run after routing (implicit in a WebApplication) to see the route.</summary>
    public static IApplicationBuilder UseRequestMetrics(this IApplicationBuilder app) => app.Use(RecordAsync);

    /// <summary>Marks the request as already counted in <c>orator_requests_total</c> by its endpoint.</summary>
    public static void MarkCounted(HttpContext context) => context.Items[CountedKey] = true;

    /// <summary>The route label: the matched pattern, or <see cref="OratorMetrics.UnmatchedRoute"/>.</summary>
    public static string RouteOf(HttpContext context) =>
        (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? OratorMetrics.UnmatchedRoute;

    /// <summary>The status label for the response as it stands.</summary>
    public static string StatusOf(HttpContext context) => context.RequestAborted.IsCancellationRequested
        ? ClientClosedStatus
        : context.Response.StatusCode.ToString(CultureInfo.InvariantCulture);

    private static async Task RecordAsync(HttpContext context, RequestDelegate next)
    {
        var start = Stopwatch.GetTimestamp();

        // Read before the handlers run: the exception handler clears the endpoint.
        var route = RouteOf(context);
        var metrics = context.RequestServices.GetRequiredService<OratorMetrics>();
        var failed = true;
        try
        {
            await next(context);
            failed = false;
        }
        finally
        {
            var status = failed && !context.RequestAborted.IsCancellationRequested ? "500" : StatusOf(context);
            metrics.RequestDuration.WithLabels(route, status).Observe(Stopwatch.GetElapsedTime(start).TotalSeconds);
            if (!context.Items.ContainsKey(CountedKey))
            {
                metrics.Requests.WithLabels(route, "", "", "", status).Inc();
            }
        }
    }
}
