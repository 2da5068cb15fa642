using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Orator.Server.Hosting;
using Orator.Server.Observability;
using Orator.Server.Usage;

namespace Orator.Server.Requests;

/// <summary>
/// The middleware that opens each request's <see cref="RequestRecord"/> and, when the response
/// has ended, computes its status once and reports it: <c>orator_requests_total</c> and
/// <c>orator_request_duration_seconds</c> for every request, a usage row for every <c>/v1</c> one
/// (refused ones included). Routes are labelled by their pattern, never by the raw path, so a
/// scanner cannot grow the label set.
/// </summary>
internal static class RequestRecording
{
    /// <summary>Route label of requests that matched no endpoint.</summary>
    public const string UnmatchedRoute = OratorMetrics.UnmatchedRoute;

    /// <summary>Adds the middleware; it must run after routing (implicit in a WebApplication) to see the route.</summary>
    public static IApplicationBuilder UseRequestRecording(this IApplicationBuilder app) => app.Use(RecordAsync);

    private static async Task RecordAsync(HttpContext context, RequestDelegate next)
    {
        // The route is read before the handlers run: the exception handler clears the endpoint.
        var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? UnmatchedRoute;
        var record = new RequestRecord(context.TraceIdentifier, route, DateTimeOffset.UtcNow, Stopwatch.GetTimestamp());
        record.AttachTo(context);
        var threw = true;
        try
        {
            await next(context);
            threw = false;
        }
        finally
        {
            record.Complete(context, threw);
            var metrics = context.RequestServices.GetRequiredService<OratorMetrics>();
            var status = record.StatusLabel;
            metrics.RequestDuration.WithLabels(route, status).Observe(Stopwatch.GetElapsedTime(record.StartTimestamp).TotalSeconds);
            metrics.Requests.WithLabels(route, record.ModelLabel, record.Engine ?? "", record.Format ?? "", status).Inc();
            if (ApiPaths.IsApi(context.Request.Path)
                && context.RequestServices.GetService<UsageRecorder>() is { } recorder)
            {
                await recorder.RecordAsync(record.ToUsage(), CancellationToken.None);
            }
        }
    }
}
