using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Orator.Server.Api;
using Orator.Server.Hosting;
using Orator.Server.Requests;
using Orator.Server.Speech;
using Orator.Speech.Planning;
using Orator.Speech.Requests;
using Orator.Text;
using Orator.Speech.Errors;

namespace Orator.Server.Endpoints;

/// <summary>
/// <c>POST /v1/audio/normalize</c>: the text a speech request with the same input, voice and
/// <c>normalization</c> would hand the engine, and the chunks it would be split into. No audio is made.
/// </summary>
internal static class NormalizeApi
{
    public static IEndpointRouteBuilder MapNormalizeApi(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/v1/audio/normalize", HandleAsync);
        return routes;
    }

    private static async Task HandleAsync(HttpContext context, SpeechPlanner planner, IOptions<OratorOptions> options)
    {
        var aborted = context.RequestAborted;
        var record = RequestRecord.Of(context);
        var (request, bodyError) = await JsonRequestReader.ReadAsync<NormalizeRequest>(context.Request, options.Value.MaxRequestBodyBytes, NormalizeRequestParser.TryParse, aborted);
        if (request is null)
        {
            await ApiErrorWriter.WriteAsync(context.Response, bodyError!, aborted);
            return;
        }

        var model = planner.FindModel(request.Model);
        record.ModelAsked = request.Model;
        record.ModelId = model?.Id;
        if (SpeechAccess.CheckModel(record.Caller, request.Model, model) is { } notAllowed)
        {
            // The same rule as speech: what a key may not speak with, it may not preview either.
            await ApiErrorWriter.WriteAsync(context.Response, notAllowed, aborted);
            return;
        }

        var planned = planner.PlanText(request, model);
        if (planned.Plan is not { } plan)
        {
            await ApiErrorWriter.WriteAsync(context.Response, planned.Error!, aborted);
            return;
        }

        var spoken = plan.Spoken;
        var chunks = spoken.Chunks.Select(c => new NormalizedChunk(c.Text, BreakName(c.Break))).ToArray();
        var applied = new AppliedNormalization(spoken.NormalizedAs is not null, spoken.NormalizedAs is { } locale ? NormalizationSetting.LocaleName(locale) : null);
        var result = new NormalizeResult("audio.normalization", request.Input, spoken.Text, plan.Voice.Voice.QualifiedId, plan.Voice.Voice.Language, applied, chunks);
        context.Response.Headers.CacheControl = "no-store";
        await TypedResults.Json(result, OratorJsonContext.Default.NormalizeResult).ExecuteAsync(context);
    }

    private static string BreakName(ChunkBreak kind) => kind switch
    {
        ChunkBreak.Sentence => "sentence",
        ChunkBreak.Clause => "clause",
        ChunkBreak.Paragraph => "paragraph",
        ChunkBreak.Line => "line",
        ChunkBreak.Forced => "forced",
        _ => "end",
    };
}

/// <summary>Body of <c>POST /v1/audio/normalize</c>.</summary>
internal sealed record NormalizeResult(string Object, string Input, string Text, string Voice, string Language, AppliedNormalization Normalization, IReadOnlyList<NormalizedChunk> Chunks);

/// <summary>Whether normalization ran, and with which conventions.</summary>
internal sealed record AppliedNormalization(bool Enabled, string? Locale);

/// <summary>One piece the text is synthesised in, and the pause that follows it.</summary>
internal sealed record NormalizedChunk(string Text, string Break);
