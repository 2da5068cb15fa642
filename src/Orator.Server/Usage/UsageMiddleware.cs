using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Orator.Server.Observability;
using Orator.Storage.Usage;

namespace Orator.Server.Usage;

/// <summary>Records every <c>/v1</c> request (refused ones included) once its response has ended.</summary>
internal static class UsageMiddleware
{
    public static IApplicationBuilder UseUsageRecording(this IApplicationBuilder app) => app.Use(RecordAsync);

    private static async Task RecordAsync(HttpContext context, RequestDelegate next)
    {
        var recorder = context.RequestServices.GetService<UsageRecorder>();
        if (recorder is null || !context.Request.Path.StartsWithSegments("/v1", StringComparison.Ordinal))
        {
            await next(context);
            return;
        }

        var route = RequestMetrics.RouteOf(context);
        var usage = new RequestUsage { Time = DateTimeOffset.UtcNow };
        usage.AttachTo(context);
        var failed = true;
        try
        {
            await next(context);
            failed = false;
        }
        finally
        {
            var status = failed && !context.RequestAborted.IsCancellationRequested
                ? StatusCodes.Status500InternalServerError
                : context.RequestAborted.IsCancellationRequested ? 499 : context.Response.StatusCode;
            var record = new UsageRecord(context.TraceIdentifier, usage.KeyId, route, usage.Model, usage.Engine, usage.Voice, usage.Format,
                usage.Characters, usage.AudioSeconds, usage.TimeToFirstByteMs, status, usage.Time);
            await recorder.RecordAsync(record, CancellationToken.None);
        }
    }
}
