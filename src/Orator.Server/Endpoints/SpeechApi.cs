using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orator.Audio.Encoding;
using Orator.Audio.Joining;
using Orator.Audio.Pipeline;
using Orator.Core.Audio;
using Orator.Core.Engines;
using Orator.Core.Errors;
using Microsoft.Extensions.DependencyInjection;
using Orator.Server.Api;
using Orator.Server.Auth;
using Orator.Server.Usage;
using Orator.Storage.Limits;
using Orator.Server.Hosting;
using Orator.Server.Observability;
using Orator.Server.Speech;
using Orator.Server.Voices;
using Orator.Text;
using Orator.Text.Pronunciation;

namespace Orator.Server.Endpoints;

/// <summary><c>POST /v1/audio/speech</c>: validate, resolve the voice, stream the audio.</summary>
internal static partial class SpeechApi
{
    public static IEndpointRouteBuilder MapSpeechApi(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/v1/audio/speech", HandleAsync);
        return routes;
    }

    private static async Task HandleAsync(HttpContext context, VoiceCatalog catalog, SpeechTextPreparer preparer, IOptions<OratorOptions> options, OratorMetrics metrics, SpeechAdmission admission, ILoggerFactory loggers)
    {
        var start = Stopwatch.GetTimestamp();
        var route = RequestMetrics.RouteOf(context);
        var labels = new SpeechLabels();
        RequestMetrics.MarkCounted(context);
        var failed = true;
        try
        {
            await HandleCoreAsync(context, new SpeechServices(catalog, preparer, admission), options.Value, metrics, labels, start, loggers.CreateLogger("Orator.Speech"));
            failed = false;
        }
        finally
        {
            var status = failed && !context.RequestAborted.IsCancellationRequested ? "500" : RequestMetrics.StatusOf(context);
            metrics.Requests.WithLabels(route, labels.Model, labels.Engine, labels.Format, status).Inc();
        }
    }

    private static async Task HandleCoreAsync(HttpContext context, SpeechServices services, OratorOptions options, OratorMetrics metrics, SpeechLabels labels, long start, ILogger logger)
    {
        var (catalog, preparer, admission) = services;
        var aborted = context.RequestAborted;
        if (!IsJson(context.Request.ContentType))
        {
            await ApiErrorWriter.WriteAsync(context.Response, ApiError.UnsupportedMediaType(context.Request.ContentType), aborted);
            return;
        }

        SpeechRequest? request;
        ApiError? error;
        using (var body = await RequestBody.ReadAsync(context.Request, options.MaxRequestBodyBytes, aborted))
        {
            if (body is null)
            {
                await ApiErrorWriter.WriteAsync(context.Response, ApiError.PayloadTooLarge(options.MaxRequestBodyBytes), aborted);
                return;
            }

            if (SpeechRequestParser.TryParse(body.Span, out request, out error))
            {
                error = null;
            }
        }

        if (request is null || error is not null)
        {
            await ApiErrorWriter.WriteAsync(context.Response, error ?? ApiError.InvalidRequest("Invalid request.", null), aborted);
            return;
        }

        labels.Format = FormatName(request.ResponseFormat);
        var modelId = catalog.FindModel(request.Model)?.Id;
        labels.Model = modelId ?? "unknown";
        var usage = RequestUsage.Of(context);
        if (usage is not null)
        {
            usage.Model = modelId ?? RequestErrors.Shorten(request.Model);
            usage.Format = labels.Format;
        }

        var caller = Caller.Of(context);
        if (!caller.AllowsModel(request.Model, modelId))
        {
            // Checked after parsing because the model is in the body; before any work is done.
            await ApiErrorWriter.WriteAsync(context.Response, ApiError.ModelNotAllowed(request.Model), aborted);
            return;
        }

        if (Plan(request, catalog, preparer, out var plan) is { } planError)
        {
            await ApiErrorWriter.WriteAsync(context.Response, planError, aborted);
            return;
        }

        labels.Engine = plan!.Voice.Engine.Id;
        if (usage is not null)
        {
            usage.Engine = plan.Voice.Engine.Id;
            usage.Voice = plan.Voice.Voice.QualifiedId;
        }

        using var ticket = admission.TryAdmit();
        if (ticket is null)
        {
            LogQueueFull(logger, admission.Capacity);
            context.Response.Headers.RetryAfter = RetryAfterSeconds;
            await ApiErrorWriter.WriteAsync(context.Response, ApiError.Overloaded(), aborted);
            return;
        }

        var characters = CodePoints(request.Input);
        if (caller.Key is { Limits.LimitsCharacters: true } key)
        {
            // Reserved before synthesis, so parallel requests cannot spend the same characters twice.
            var limiter = context.RequestServices.GetRequiredService<IRateLimiter>();
            var decision = await limiter.TryReserveAsync(key.Id, key.Limits, 0, characters, DateTimeOffset.UtcNow, aborted);
            RateLimitHeaders.Apply(context.Response, decision);
            if (!decision.Allowed)
            {
                var refusal = decision.Refusal == RateRefusal.Quota
                    ? ApiError.QuotaExceededFor(decision.RefusedWindow == RateWindow.Month ? "month" : "day")
                    : ApiError.RateLimitedFor("characters");
                await ApiErrorWriter.WriteAsync(context.Response, refusal, aborted);
                return;
            }
        }

        if (usage is not null)
        {
            usage.Characters = characters;
        }

        var stream = new StreamContext(context, plan, request, options, start, logger, metrics, ticket, usage);
        await StreamAsync(stream, aborted);
    }

    private static ApiError? Plan(SpeechRequest request, VoiceCatalog catalog, SpeechTextPreparer preparer, out SpeechPlan? plan)
    {
        plan = null;
        var model = catalog.FindModel(request.Model);
        if (model is null)
        {
            return ApiError.ModelNotFound(request.Model);
        }

        var voice = catalog.Resolve(model, request.Voice);
        if (voice is null)
        {
            return ApiError.VoiceNotFound(request.Voice, model.Id);
        }

        if (AudioEncoderFactory.ProblemFor(request.ResponseFormat) is { } formatProblem)
        {
            var supported = string.Join(", ", AudioEncoderFactory.SupportedFormats.Select(f => f.ToString().ToLowerInvariant()));
            return ApiError.InvalidRequest(
                $"response_format '{request.ResponseFormat.ToString().ToLowerInvariant()}' is not available on this server: {formatProblem} Available formats: {supported}.",
                "response_format");
        }

        // Overrides and the lexicon apply to every voice; numbers and symbols are normalized for English voices only.
        var text = preparer.Prepare(request.Input, SpokenInput.NormalizerFor(voice.Voice.Language, request.Normalization));
        plan = SpeechPlan.Create(voice, text, request.ResponseFormat, request.Speed, InstructionInterpreter.Interpret(request.Instructions));
        return null;
    }

    private static readonly SentenceSplitter Splitter = new();

    private static async Task StreamAsync(StreamContext stream, CancellationToken aborted)
    {
        var (context, plan, request, options, start, logger, metrics, ticket, usage) = stream;
        var engine = plan.Voice.Engine.Id;
        var format = FormatName(plan.Format);
        using var encoder = AudioEncoderFactory.Create(plan.Format, AudioEncoderFactory.OutputSampleRate);
        var sse = request.StreamFormat == SpeechStreamFormat.Sse ? new SsePipeWriter(context.Response.BodyWriter) : null;
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = sse is null ? encoder.ContentType : "text/event-stream; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers["x-orator-voice"] = plan.Voice.Voice.QualifiedId;
        if (request.Instructions is not null)
        {
            // Say what was honoured and what was not, rather than silently ignore any of it.
            context.Response.Headers["x-orator-instructions"] = plan.Instructions.ToHeader();
        }

        using var pipeline = new AudioPipeline(plan.PipelineSampleRate, plan.ResidualTempo, encoder, (System.IO.Pipelines.PipeWriter?)sse ?? context.Response.BodyWriter)
        {
            Gain = plan.Instructions.Gain,
        };
        var sink = new ResponseAudioSink(context.Response, pipeline, start, firstAudio =>
        {
            // Audio is flowing: this request no longer waits in the admission queue.
            ticket.Release();
            if (usage is not null)
            {
                usage.TimeToFirstByteMs = firstAudio.TotalMilliseconds;
            }

            metrics.TimeToFirstAudio.WithLabels(engine, format).Observe(firstAudio.TotalSeconds);
            metrics.ActiveStreams.Inc();
        });
        var chunks = Splitter.Split(plan.Text);
        using var joiner = new SegmentJoiner(plan.Voice.Voice.SampleRate, [.. chunks.Select(c => PauseAfter(c.Break, options.Pauses, plan))], sink);
        try
        {
            if (chunks.Count > 0)
            {
                var synthesis = new SynthesisRequest(plan.Voice.Voice, [.. chunks.Select(c => c.Text)], plan.EngineProsody);
                await plan.Voice.Engine.SynthesizeAsync(synthesis, joiner, aborted);
            }

            await sink.StartAsync(aborted);
            await pipeline.CompleteAsync(aborted);
            if (sse is not null)
            {
                await sse.WriteDoneAsync(SpeechUsage.From(request.Input, request.Instructions, pipeline.OutputSamples, AudioEncoderFactory.OutputSampleRate), aborted);
            }

            metrics.Characters.WithLabels(engine).Inc(CodePoints(request.Input));
            LogSpoke(logger, plan.Voice.Voice.QualifiedId, plan.Text.Length, pipeline.OutputSamples / (double)AudioEncoderFactory.OutputSampleRate);
            if (options.Logging.IncludeText)
            {
                LogSpokenText(logger, request.Input);
            }
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            LogClientGone(logger);
        }
        catch (EngineOverloadedException ex) when (!sink.Started)
        {
            LogOverloaded(logger, ex.Message);
            context.Response.Headers.Remove("x-orator-instructions");
            context.Response.Headers.RetryAfter = RetryAfterSeconds;
            await ApiErrorWriter.WriteAsync(context.Response, ApiError.Overloaded(), aborted);
        }
        catch (EngineUnavailableException ex)
        {
            LogEngineFailed(logger, ex);
            if (!sink.Started)
            {
                context.Response.Headers.Remove("x-orator-instructions");
                await ApiErrorWriter.WriteAsync(context.Response, ApiError.ServerError(), aborted);
            }
            else
            {
                // Audio already went out: cut the connection so the client sees an incomplete
                // transfer instead of a short file that looks complete.
                context.Abort();
            }
        }
        finally
        {
            if (sink.Started)
            {
                metrics.ActiveStreams.Dec();
                metrics.AudioSeconds.WithLabels(engine, format).Inc(pipeline.OutputSamples / (double)AudioEncoderFactory.OutputSampleRate);
                if (usage is not null)
                {
                    usage.AudioSeconds = pipeline.OutputSamples / (double)AudioEncoderFactory.OutputSampleRate;
                }
            }
        }
    }

    /// <summary>The shared services a speech request uses.</summary>
    private sealed record SpeechServices(VoiceCatalog Catalog, SpeechTextPreparer Preparer, SpeechAdmission Admission);

    /// <summary>What <see cref="StreamAsync"/> needs about one admitted request.</summary>
    private sealed record StreamContext(HttpContext Http, SpeechPlan Plan, SpeechRequest Request, OratorOptions Options, long Start, ILogger Logger, OratorMetrics Metrics, SpeechAdmission.Ticket Ticket, RequestUsage? Usage);

    /// <summary>Seconds a refused client is asked to wait; short, because workers free up sentence by sentence.</summary>
    private const string RetryAfterSeconds = "1";

    private static string FormatName(AudioFormat format) => format switch
    {
        AudioFormat.Mp3 => "mp3",
        AudioFormat.Opus => "opus",
        AudioFormat.Aac => "aac",
        AudioFormat.Flac => "flac",
        AudioFormat.Wav => "wav",
        AudioFormat.Pcm => "pcm",
        _ => "other",
    };

    private static int CodePoints(string text)
    {
        var count = 0;
        foreach (var _ in text.EnumerateRunes())
        {
            count++;
        }

        return count;
    }

    /// <summary>
    /// The pause after a chunk, at the engine's sample clock: the engine's native tempo does not
    /// apply to inserted silence, so it is shortened here; the stretcher scales it like speech.
    /// </summary>
    private static TimeSpan PauseAfter(ChunkBreak kind, PauseOptions pauses, SpeechPlan plan)
    {
        var ms = kind switch
        {
            ChunkBreak.Sentence => pauses.SentenceMs,
            ChunkBreak.Clause => pauses.ClauseMs,
            ChunkBreak.Line => pauses.LineMs,
            ChunkBreak.Paragraph => pauses.ParagraphMs,
            ChunkBreak.Forced => pauses.ForcedMs,
            _ => 0,
        };
        return TimeSpan.FromMilliseconds(ms * plan.Instructions.PauseScale / plan.EngineProsody.Rate);
    }

    internal static bool IsJson(string? contentType)
    {
        if (string.IsNullOrEmpty(contentType))
        {
            return false;
        }

        var mediaType = contentType.Split(';', 2)[0].Trim();
        return mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase);
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
    private static partial void LogEngineFailed(ILogger logger, Exception exception);
}
