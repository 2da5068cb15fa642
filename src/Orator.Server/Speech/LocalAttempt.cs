using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Orator.Gateway.Configuration;
using Orator.Server.Api;
using Orator.Server.Requests;
using Orator.Speech.Caching;
using Orator.Speech.Errors;
using Orator.Speech.Planning;
using Orator.Speech.Rendering;

namespace Orator.Server.Speech;

/// <summary>
/// A request on the local engines: admit it (a render held in memory skips the queue), reserve its
/// characters, render or replay, and map the outcome. When another backend follows, a refusal or a
/// failure before audio hands the request on instead of answering.
/// </summary>
internal static partial class LocalAttempt
{
    /// <summary>Seconds a refused client is asked to wait; short, because workers free up sentence by sentence.</summary>
    private const string RetryAfterSeconds = "1";

    public static async Task<AttemptResult> RunAsync(HttpContext context, SpeechPlan plan, RequestRecord record, CharacterReservation reservation, bool last, SpeechBody body, SpeechServices services, CancellationToken aborted)
    {
        var (cache, metrics, logger) = (services.Cache, services.Metrics, services.Logger);
        record.Engine = plan.Voice.Engine.Id;
        record.Voice = plan.Voice.Voice.QualifiedId;
        // A render with word timestamps is made afresh: the cache keeps audio, not words.
        var key = cache.Enabled && !plan.Timestamps ? RenderKey.Of(plan) : null;
        // A render held in memory needs no engine, so it never waits in (or is refused by) the queue.
        var held = key is not null && cache.Holds(key);
        using var ticket = held ? null : services.Admission.TryAdmit();
        if (!held && ticket is null)
        {
            LogQueueFull(logger, services.Admission.Capacity);
            if (!last)
            {
                return AttemptResult.Next("queue_full");
            }

            context.Response.Headers.RetryAfter = RetryAfterSeconds;
            await ApiErrorWriter.WriteAsync(context.Response, ApiError.Overloaded(), aborted);
            return AttemptResult.Done;
        }

        if (await reservation.EnsureAsync(aborted) is { } limited)
        {
            await ApiErrorWriter.WriteAsync(context.Response, limited, aborted);
            return AttemptResult.Done;
        }

        record.Backend = UpstreamSettings.LocalName;
        var output = new HttpSpeechOutput(context.Response, ResponseLabels.Of(plan), record.StartTimestamp, firstAudio =>
        {
            // Audio is flowing: this request no longer waits in the admission queue.
            ticket?.Release();
            record.TimeToFirstAudioMs = firstAudio.TotalMilliseconds;
            metrics.TimeToFirstAudio.WithLabels(plan.Voice.Engine.Id, record.Format ?? "").Observe(firstAudio.TotalSeconds);
            metrics.ActiveStreams.Inc();
        }, SpeechBodyShape.Of(body, Orator.Core.Audio.AudioFormats.ContentTypeOf(plan.Format)));
        RenderOutcome? outcome = null;
        try
        {
            outcome = await RenderAsync(cache, key, plan, output, record, aborted);
            if (!last && outcome.Status is RenderStatus.OverloadedBeforeAudio or RenderStatus.FailedBeforeAudio)
            {
                LogEngineFailed(logger, outcome.Failure);
                return AttemptResult.Next(outcome.Status == RenderStatus.OverloadedBeforeAudio ? "overloaded" : "engine_failed");
            }

            if (outcome.Status == RenderStatus.FailedAfterAudio)
            {
                record.BrokenStreamStatus = StatusCodes.Status500InternalServerError;
            }

            await AnswerAsync(context, plan, outcome, services);
            return AttemptResult.Done;
        }
        finally
        {
            if (output.Started)
            {
                var seconds = outcome?.AudioSeconds ?? 0;
                metrics.ActiveStreams.Dec();
                metrics.AudioSeconds.WithLabels(plan.Voice.Engine.Id, record.Format ?? "").Inc(seconds);
                record.AudioSeconds = seconds;
            }
        }
    }

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

    /// <summary>Maps how the render ended to what the client gets (the audio itself is already out when it completed).</summary>
    private static async Task AnswerAsync(HttpContext context, SpeechPlan plan, RenderOutcome outcome, SpeechServices services)
    {
        var (metrics, logger) = (services.Metrics, services.Logger);
        switch (outcome.Status)
        {
            case RenderStatus.Completed:
                metrics.Characters.WithLabels(plan.Voice.Engine.Id).Inc(SpeechUsage.CountCodePoints(plan.Input));
                LogSpoke(logger, plan.Voice.Voice.QualifiedId, plan.Spoken.Text.Length, outcome.AudioSeconds);
                if (services.IncludeText)
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
