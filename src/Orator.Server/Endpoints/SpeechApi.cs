using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orator.Core.Audio;
using Orator.Server.Api;
using Orator.Server.Hosting;
using Orator.Server.Observability;
using Orator.Server.Requests;
using Orator.Server.Speech;
using Orator.Speech.Caching;
using Orator.Speech.Errors;
using Orator.Speech.Planning;
using Orator.Speech.Rendering;
using Orator.Speech.Requests;

namespace Orator.Server.Endpoints;

/// <summary>
/// <c>POST /v1/audio/speech</c>: read the body, parse it, authorize the model, plan, admit,
/// reserve the characters, render, and map the outcome to an answer. Each step is one call; the
/// speech core (planner and renderer) does the work without knowing about HTTP.
/// </summary>
internal static partial class SpeechApi
{
    /// <summary>Seconds a refused client is asked to wait; short, because workers free up sentence by sentence.</summary>
    private const string RetryAfterSeconds = "1";

    public static IEndpointRouteBuilder MapSpeechApi(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/v1/audio/speech", HandleAsync);
        return routes;
    }

    private static async Task HandleAsync(HttpContext context, SpeechPlanner planner, SpeechAdmission admission, RenderCache cache, IOptions<OratorOptions> options, OratorMetrics metrics, ILoggerFactory loggers)
    {
        var aborted = context.RequestAborted;
        var record = RequestRecord.Of(context);
        var (request, bodyError) = await JsonRequestReader.ReadAsync<SpeechRequest>(context.Request, options.Value.MaxRequestBodyBytes, SpeechRequestParser.TryParse, aborted);
        if (request is null)
        {
            await ApiErrorWriter.WriteAsync(context.Response, bodyError!, aborted);
            return;
        }

        var model = planner.FindModel(request.Model);
        record.ModelAsked = request.Model;
        record.ModelId = model?.Id;
        record.Format = AudioFormats.NameOf(request.ResponseFormat);
        if (SpeechAccess.CheckModel(record.Caller, request.Model, model) is { } notAllowed)
        {
            // Checked after parsing because the model is in the body; before any work is done.
            await ApiErrorWriter.WriteAsync(context.Response, notAllowed, aborted);
            return;
        }

        var planned = planner.Plan(request, model);
        if (planned.Plan is not { } plan)
        {
            await ApiErrorWriter.WriteAsync(context.Response, planned.Error!, aborted);
            return;
        }

        record.Engine = plan.Voice.Engine.Id;
        record.Voice = plan.Voice.Voice.QualifiedId;
        var key = cache.Enabled ? RenderKey.Of(plan) : null;
        // A render held in memory needs no engine, so it never waits in (or is refused by) the queue.
        var held = key is not null && cache.Holds(key);
        using var ticket = held ? null : admission.TryAdmit();
        var logger = loggers.CreateLogger("Orator.Speech");
        if (!held && ticket is null)
        {
            LogQueueFull(logger, admission.Capacity);
            context.Response.Headers.RetryAfter = RetryAfterSeconds;
            await ApiErrorWriter.WriteAsync(context.Response, ApiError.Overloaded(), aborted);
            return;
        }

        var characters = SpeechUsage.CountCodePoints(request.Input);
        if (await SpeechAccess.ReserveCharactersAsync(context, record, characters, aborted) is { } limited)
        {
            await ApiErrorWriter.WriteAsync(context.Response, limited, aborted);
            return;
        }

        record.Characters = characters;
        var output = new HttpSpeechOutput(context.Response, plan, record.StartTimestamp, firstAudio =>
        {
            // Audio is flowing: this request no longer waits in the admission queue.
            ticket?.Release();
            record.TimeToFirstAudioMs = firstAudio.TotalMilliseconds;
            metrics.TimeToFirstAudio.WithLabels(plan.Voice.Engine.Id, record.Format).Observe(firstAudio.TotalSeconds);
            metrics.ActiveStreams.Inc();
        });
        RenderOutcome? outcome = null;
        try
        {
            outcome = await RenderAsync(cache, key, plan, output, record, aborted);
            await AnswerAsync(context, plan, outcome, new OutcomeServices(metrics, logger, options.Value.Logging.IncludeText));
        }
        finally
        {
            if (output.Started)
            {
                var seconds = outcome?.AudioSeconds ?? 0;
                metrics.ActiveStreams.Dec();
                metrics.AudioSeconds.WithLabels(plan.Voice.Engine.Id, record.Format).Inc(seconds);
                record.AudioSeconds = seconds;
            }
        }
    }

    /// <summary>Maps how the render ended to what the client gets (the audio itself is already out when it completed).</summary>
    /// <summary>Replays a cached render, or renders (storing the result when caching is on).</summary>
    private static async Task<RenderOutcome> RenderAsync(RenderCache cache, RenderKey? key, SpeechPlan plan, HttpSpeechOutput output, RequestRecord record, CancellationToken aborted)
    {
        if (key is null)
        {
            return await SpeechRenderer.RenderAsync(plan, output, aborted);
        }

        CacheLookup lookup;
        try
        {
            lookup = await cache.LookupAsync(key, aborted);
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            return new RenderOutcome(RenderStatus.ClientGone, false, 0, plan.OutputSampleRate);
        }

        if (lookup.Entry is { } entry)
        {
            output.CacheState = "hit";
            record.CacheHit = true;
            return await RenderCache.ReplayAsync(entry, plan, output, aborted);
        }

        using var lease = lookup.Lease!;
        output.CacheState = "miss";
        return await lease.RenderAsync(plan, output, aborted);
    }

    private static async Task AnswerAsync(HttpContext context, SpeechPlan plan, RenderOutcome outcome, OutcomeServices services)
    {
        var (metrics, logger, includeText) = services;
        switch (outcome.Status)
        {
            case RenderStatus.Completed:
                metrics.Characters.WithLabels(plan.Voice.Engine.Id).Inc(SpeechUsage.CountCodePoints(plan.Input));
                LogSpoke(logger, plan.Voice.Voice.QualifiedId, plan.Spoken.Text.Length, outcome.AudioSeconds);
                if (includeText)
                {
                    LogSpokenText(logger, plan.Input);
                }

                break;
            case RenderStatus.ClientGone:
                LogClientGone(logger);
                break;
            case RenderStatus.OverloadedBeforeAudio:
                LogOverloaded(logger, outcome.Failure?.Message ?? "no engine capacity");
                context.Response.Headers.RetryAfter = RetryAfterSeconds;
                await ApiErrorWriter.WriteAsync(context.Response, ApiError.Overloaded(), context.RequestAborted);
                break;
            case RenderStatus.FailedBeforeAudio:
                LogEngineFailed(logger, outcome.Failure);
                await ApiErrorWriter.WriteAsync(context.Response, ApiError.ServerError(), context.RequestAborted);
                break;
            case RenderStatus.FailedAfterAudio:
                // Audio already went out: cut the connection so the client sees an incomplete
                // transfer instead of a short file that looks complete.
                LogEngineFailed(logger, outcome.Failure);
                context.Abort();
                break;
        }
    }

    /// <summary>What <see cref="AnswerAsync"/> reports to.</summary>
    private sealed record OutcomeServices(OratorMetrics Metrics, ILogger Logger, bool IncludeText);

    [LoggerMessage(EventId = 3000, Level = LogLevel.Information, Message = "Spoke {Characters} characters with {Voice}: {AudioSeconds:F2} s of audio")]
    private static partial void LogSpoke(ILogger logger, string voice, int characters, double audioSeconds);

    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Client disconnected; synthesis stopped")]
    private static partial void LogClientGone(ILogger logger);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Warning, Message = "Refused with 503: {Reason}")]
    private static partial void LogOverloaded(ILogger logger, string reason);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Debug, Message = "Spoken text: {Text}")]
    private static partial void LogSpokenText(ILogger logger, string text);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Warning, Message = "Refused with 503: {Capacity} speech requests are already waiting for their first audio")]
    private static partial void LogQueueFull(ILogger logger, int capacity);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Error, Message = "Engine failed")]
    private static partial void LogEngineFailed(ILogger logger, Exception? exception);
}
