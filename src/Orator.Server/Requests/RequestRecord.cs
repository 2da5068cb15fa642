using System.Globalization;
using Microsoft.AspNetCore.Http;
using Orator.Server.Auth;
using Orator.Speech.Errors;
using Orator.Storage.Usage;

namespace Orator.Server.Requests;

/// <summary>
/// Everything Orator learns about one request, in one place: auth writes the caller, the
/// endpoints write what was asked and what was spoken, and <see cref="RequestRecording"/> computes
/// the final status once and hands the record to the metrics and the usage log. Stored on the
/// request as a typed feature (<see cref="Of"/>). Metric labels come only from closed sets
/// (catalog ids, format names), never from raw input.
/// </summary>
internal sealed class RequestRecord
{
    /// <summary>Status recorded for a client that went away before the response completed.</summary>
    public const int ClientClosedStatus = 499;

    /// <summary>Creates the record of a request that has just arrived.</summary>
    public RequestRecord(string id, string route, DateTimeOffset time, long startTimestamp)
    {
        Id = id;
        Route = route;
        Time = time;
        StartTimestamp = startTimestamp;
    }

    /// <summary>The request id (<c>x-request-id</c>).</summary>
    public string Id { get; }

    /// <summary>The matched route pattern (<c>/v1/models/{id}</c>), or <c>unmatched</c>.</summary>
    public string Route { get; }

    /// <summary>When the request arrived.</summary>
    public DateTimeOffset Time { get; }

    /// <summary><see cref="System.Diagnostics.Stopwatch"/> timestamp of the arrival.</summary>
    public long StartTimestamp { get; }

    /// <summary>Who made the request (set by the auth middleware).</summary>
    public Caller Caller { get; set; } = Caller.Anonymous;

    /// <summary>The key charged: the caller's, or the key a refused request proved it holds (revoked, expired).</summary>
    public string? KeyId { get; set; }

    /// <summary>The model named in the body, as written.</summary>
    public string? ModelAsked { get; set; }

    /// <summary>The catalog id of that model, when it exists.</summary>
    public string? ModelId { get; set; }

    /// <summary>The engine that speaks.</summary>
    public string? Engine { get; set; }

    /// <summary>The engine voice that speaks (<c>flite:slt</c>).</summary>
    public string? Voice { get; set; }

    /// <summary>The response format's wire name.</summary>
    public string? Format { get; set; }

    /// <summary>Characters (code points) charged.</summary>
    public long Characters { get; set; }

    /// <summary>Seconds of audio sent.</summary>
    public double AudioSeconds { get; set; }

    /// <summary>Milliseconds to the first audio byte, when audio was sent.</summary>
    public double? TimeToFirstAudioMs { get; set; }

    /// <summary>Whether the request was answered from the render cache.</summary>
    public bool CacheHit { get; set; }

    /// <summary>The backend that served the audio (<c>local</c> or an upstream's name).</summary>
    public string? Backend { get; set; }

    /// <summary>The final status, once <see cref="Complete"/> ran.</summary>
    public int? Status { get; private set; }

    /// <summary>The model label for metrics: the catalog id, <c>unknown</c> for a model that does not exist, empty when none was named.</summary>
    public string ModelLabel => ModelId ?? (ModelAsked is null ? "" : "unknown");

    /// <summary>The record of <paramref name="context"/>.</summary>
    public static RequestRecord Of(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Features.Get<RequestRecord>()
            ?? throw new InvalidOperationException("The request has no RequestRecord: RequestRecording must run first.");
    }

    /// <summary>Stores the record on the request.</summary>
    public void AttachTo(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Features.Set(this);
    }

    /// <summary>
    /// The status to record for a stream that broke after its 200 went out (500 for an engine, 502
    /// for an upstream): the client saw the transfer cut, and usage and metrics say why.
    /// </summary>
    public int? BrokenStreamStatus { get; set; }

    /// <summary>
    /// Computes the final status, once: the broken-stream status when a stream broke after audio,
    /// 500 when the pipeline threw (and the client was still there), 499 when the client went away,
    /// otherwise the response's status.
    /// </summary>
    public int Complete(HttpContext context, bool threw)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (Status is { } done)
        {
            return done;
        }

        var aborted = context.RequestAborted.IsCancellationRequested;
        var status = BrokenStreamStatus ?? (aborted ? ClientClosedStatus : threw ? StatusCodes.Status500InternalServerError : context.Response.StatusCode);
        Status = status;
        return status;
    }

    /// <summary>The status as a metric label.</summary>
    public string StatusLabel => (Status ?? 0).ToString(CultureInfo.InvariantCulture);

    /// <summary>The usage row of this request (after <see cref="Complete"/>).</summary>
    public UsageRecord ToUsage() => new(
        Id,
        KeyId,
        Route,
        ModelId ?? (ModelAsked is null ? null : ErrorText.Shorten(ModelAsked)),
        Engine,
        Voice,
        Format,
        Characters,
        AudioSeconds,
        TimeToFirstAudioMs,
        Status ?? 0,
        Time,
        CacheHit,
        Backend);
}
