using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Orator.Server.Api;
using Orator.Server.Auth;
using Orator.Server.Hosting;
using Orator.Server.Speech;
using Orator.Server.Voices;
using Orator.Text;
using Orator.Text.Normalization;
using Orator.Text.Pronunciation;

namespace Orator.Server.Endpoints;

/// <summary>
/// <c>POST /v1/audio/normalize</c>: the text a speech request with the same input, voice and
/// <c>normalization</c> would hand the engine, and the chunks it would be split into. No audio is made.
/// </summary>
internal static class NormalizeApi
{
    private static readonly SentenceSplitter Splitter = new();

    public static IEndpointRouteBuilder MapNormalizeApi(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/v1/audio/normalize", HandleAsync);
        return routes;
    }

    private static async Task HandleAsync(HttpContext context, VoiceCatalog catalog, SpeechTextPreparer preparer, IOptions<OratorOptions> options)
    {
        var aborted = context.RequestAborted;
        if (!SpeechApi.IsJson(context.Request.ContentType))
        {
            await ApiErrorWriter.WriteAsync(context.Response, ApiError.UnsupportedMediaType(context.Request.ContentType), aborted);
            return;
        }

        NormalizeRequest? request;
        ApiError? error;
        using (var body = await RequestBody.ReadAsync(context.Request, options.Value.MaxRequestBodyBytes, aborted))
        {
            if (body is null)
            {
                await ApiErrorWriter.WriteAsync(context.Response, ApiError.PayloadTooLarge(options.Value.MaxRequestBodyBytes), aborted);
                return;
            }

            if (NormalizeRequestParser.TryParse(body.Span, out request, out error))
            {
                error = null;
            }
        }

        if (request is null || error is not null)
        {
            await ApiErrorWriter.WriteAsync(context.Response, error ?? ApiError.InvalidRequest("Invalid request.", null), aborted);
            return;
        }

        var model = catalog.FindModel(request.Model);
        if (!Caller.Of(context).AllowsModel(request.Model, model?.Id))
        {
            // The same rule as speech: what a key may not speak with, it may not preview either.
            await ApiErrorWriter.WriteAsync(context.Response, ApiError.ModelNotAllowed(request.Model), aborted);
            return;
        }

        if (model is null)
        {
            await ApiErrorWriter.WriteAsync(context.Response, ApiError.ModelNotFound(request.Model), aborted);
            return;
        }

        var voice = catalog.Resolve(model, request.Voice);
        if (voice is null)
        {
            await ApiErrorWriter.WriteAsync(context.Response, ApiError.VoiceNotFound(request.Voice, model.Id), aborted);
            return;
        }

        var language = voice.Voice.Language;
        var normalizer = SpokenInput.NormalizerFor(language, request.Normalization);
        var text = preparer.Prepare(request.Input, normalizer);
        var chunks = Splitter.Split(text).Select(c => new NormalizedChunk(c.Text, BreakName(c.Break))).ToArray();
        var applied = new AppliedNormalization(normalizer is not null, normalizer is null ? null : NormalizationSetting.LocaleName(normalizer.Locale));
        var result = new NormalizeResult("audio.normalization", request.Input, text, voice.Voice.QualifiedId, language, applied, chunks);
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
