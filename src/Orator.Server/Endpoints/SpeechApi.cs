using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Orator.Core.Audio;
using Orator.Gateway.Routing;
using Orator.Server.Api;
using Orator.Server.Hosting;
using Orator.Server.Requests;
using Orator.Server.Speech;
using Orator.Speech.Errors;
using Orator.Speech.Planning;
using Orator.Speech.Requests;

namespace Orator.Server.Endpoints;

/// <summary>
/// <c>POST /v1/audio/speech</c>: read the body, parse it, find the model's route (local engines and
/// upstreams), authorize the model, plan each backend, and serve the request on them in order
/// (<see cref="SpeechRouter"/>). Each step is one call; the speech core and the gateway do the work
/// without knowing about this endpoint.
/// </summary>
internal static class SpeechApi
{
    public static IEndpointRouteBuilder MapSpeechApi(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/v1/audio/speech", (HttpContext context, SpeechPlanner planner, SpeechServices services, IOptions<OratorOptions> options) =>
            HandleAsync(context, SpeechBodyKind.Speech, planner, services, options));
        routes.MapPost("/v1/audio/captions", (HttpContext context, SpeechPlanner planner, SpeechServices services, IOptions<OratorOptions> options) =>
            HandleAsync(context, SpeechBodyKind.Captions, planner, services, options));
        routes.MapPost(ApiPaths.CaptionedSpeech, (HttpContext context, SpeechPlanner planner, SpeechServices services, IOptions<OratorOptions> options) =>
            HandleAsync(context, SpeechBodyKind.CaptionedSpeech, planner, services, options));
        return routes;
    }

    private static async Task HandleAsync(HttpContext context, SpeechBodyKind kind, SpeechPlanner planner, SpeechServices services, IOptions<OratorOptions> options)
    {
        var aborted = context.RequestAborted;
        var record = RequestRecord.Of(context);
        var policy = options.Value.ResolvedUnknownFields ?? UnknownFieldPolicy.Reject;
        var ignored = new List<string>();
        var (body, bodyError) = await JsonRequestReader.ReadAsync(
            context.Request,
            options.Value.MaxRequestBodyBytes,
            (ReadOnlySpan<byte> utf8, [NotNullWhen(true)] out SpeechBody? parsed, [NotNullWhen(false)] out ApiError? error) => SpeechRequestParser.TryParse(utf8, kind, policy, ignored, out parsed, out error),
            aborted);

        // Named on every answer, errors included: what was ignored is no less ignored when the request fails.
        IgnoredParamsHeader.Set(context.Response, ignored);
        if (body is null)
        {
            await ApiErrorWriter.WriteAsync(context.Response, bodyError!, aborted);
            return;
        }

        var request = body.Request;

        var model = planner.FindModel(request.Model);
        var modelId = model?.Id ?? request.Model;
        var targets = services.Gateway.Route(modelId, model is not null);
        // Captions and captioned speech are bodies Orator's renderer writes (words or not): never an upstream's audio.
        if ((request.Timestamps || body.Kind != SpeechBodyKind.Speech) && WordTimedTargets(targets, modelId) is var (timed, untimed))
        {
            if (untimed is not null)
            {
                await ApiErrorWriter.WriteAsync(context.Response, untimed, aborted);
                return;
            }

            targets = timed;
        }

        record.ModelAsked = request.Model;
        record.ModelId = targets.Count > 0 ? modelId : null;
        record.Format = AudioFormats.NameOf(request.ResponseFormat);
        if (SpeechAccess.CheckModel(record.Caller, request.Model, record.ModelId) is { } notAllowed)
        {
            // Checked after parsing because the model is in the body; before any work is done.
            await ApiErrorWriter.WriteAsync(context.Response, notAllowed, aborted);
            return;
        }

        var (attempts, refused) = SpeechAttempt.For(planner, request, model, targets);
        if (refused is not null)
        {
            await ApiErrorWriter.WriteAsync(context.Response, refused, aborted);
            return;
        }

        await SpeechRouter.ServeAsync(context, body, attempts, record, services, aborted);
    }

    /// <summary>
    /// Word timestamps come only from the local engines: an upstream API gives none, so the route
    /// keeps its local target alone; a model only upstreams serve is a 400 that says so.
    /// </summary>
    private static (IReadOnlyList<RouteTarget> Targets, ApiError? Error)? WordTimedTargets(IReadOnlyList<RouteTarget> targets, string model)
    {
        var local = targets.Where(t => t.Upstream is null).ToList();
        if (local.Count > 0 || targets.Count == 0)
        {
            return (local, null);
        }

        return (local, ApiError.InvalidRequest(
            $"Model '{model}' is served by an upstream API ({string.Join(", ", targets.Select(t => t.BackendId))}), which gives no word timings: timestamps, captions and captioned speech need a model Orator's own engines speak.",
            "model",
            "timestamps_unavailable"));
    }
}
