using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Orator.Server.Api;
using Orator.Server.Requests;
using Orator.Speech.Errors;
using Orator.Speech.Rendering;
using Orator.Speech.Requests;

namespace Orator.Server.Speech;

/// <summary>
/// Serves a speech request on its backends in route order. Each attempt either answers the client
/// (audio, an error that is the client's, or a stream cut after audio) or, before any audio, hands
/// the request on; when every backend has handed it on, the client gets 503 with the soonest
/// Retry-After any of them gave. See docs/architecture/upstreams.md.
/// </summary>
internal static partial class SpeechRouter
{
    /// <summary>Seconds a client is asked to wait when no backend said how long.</summary>
    private static readonly TimeSpan DefaultRetryAfter = TimeSpan.FromSeconds(1);

    public static async Task ServeAsync(HttpContext context, SpeechBody body, IReadOnlyList<SpeechAttempt> attempts, RequestRecord record, SpeechServices services, CancellationToken aborted)
    {
        var request = body.Request;
        var reservation = new CharacterReservation(context, record, SpeechUsage.CountCodePoints(request.Input));
        TimeSpan? retryAfter = null;
        for (var i = 0; i < attempts.Count; i++)
        {
            var attempt = attempts[i];
            var last = i == attempts.Count - 1;
            // Each backend acts on its own set of fields; a failover's answer names what that one ignored.
            IgnoredParamsHeader.Set(context.Response, attempt.Plan is null ? body.UpstreamIgnored : body.Ignored);
            var result = attempt.Plan is { } plan
                ? await LocalAttempt.RunAsync(context, plan, record, reservation, last, body, services, aborted)
                : await UpstreamAttempt.RunAsync(context, attempt, request.StreamFormat, record, reservation, body.Buffered, services, aborted);
            if (result.Answered)
            {
                return;
            }

            retryAfter = retryAfter is { } soonest && result.RetryAfter is { } wait ? (wait < soonest ? wait : soonest) : retryAfter ?? result.RetryAfter;
            if (!last)
            {
                services.Metrics.Failovers.WithLabels(attempt.Target.BackendId, result.Reason ?? "unknown").Inc();
                LogFailover(services.UpstreamLogger, attempt.Target.BackendId, result.Reason ?? "unknown", attempts[i + 1].Target.BackendId);
            }
        }

        var seconds = Math.Max(1, (int)Math.Ceiling((retryAfter ?? DefaultRetryAfter).TotalSeconds));
        LogExhausted(services.UpstreamLogger, record.ModelAsked ?? "", seconds);
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await ApiErrorWriter.WriteAsync(context.Response, ApiError.BackendsUnavailable(record.ModelAsked ?? ""), aborted);
    }

    [LoggerMessage(EventId = 6010, Level = LogLevel.Warning, Message = "Backend {From} could not serve the request ({Reason}); trying {Next}")]
    private static partial void LogFailover(ILogger logger, string from, string reason, string next);

    [LoggerMessage(EventId = 6011, Level = LogLevel.Warning, Message = "Refused with 503: no backend of model {Model} could serve it; retry after {Seconds} s")]
    private static partial void LogExhausted(ILogger logger, string model, int seconds);
}
