using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Orator.Gateway.Routing;
using Orator.Server.Api;
using Orator.Speech.Catalog;
using Orator.Speech.Errors;

namespace Orator.Server.Endpoints;

/// <summary>
/// <c>GET /v1/models</c> and <c>GET /v1/models/{id}</c> in the OpenAI list shape, and
/// <c>GET /v1/audio/models</c>: the same models under <c>models</c> as well, the key Open WebUI reads.
/// </summary>
internal static class ModelsApi
{
    /// <summary>Route of the model list.</summary>
    public const string ListRoute = "/v1/models";

    /// <summary>Route of one model.</summary>
    public const string ModelRoute = "/v1/models/{id}";

    /// <summary>Route of the speech models as self-hosted speech servers list them.</summary>
    public const string AudioModelsRoute = "/v1/audio/models";

    // Fixed so that the list is stable across restarts: 2026-01-01T00:00:00Z.
    private const long Created = 1767225600;

    public static IEndpointRouteBuilder MapModelsApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet(ListRoute, (VoiceCatalog catalog, UpstreamGateway gateway) =>
            TypedResults.Json(new ModelList("list", Entries(catalog, gateway)), OratorJsonContext.Default.ModelList));

        // Exactly the names speech accepts (dated aliases included), answered under the name asked for.
        routes.MapGet(ModelRoute, IResult (string id, VoiceCatalog catalog, UpstreamGateway gateway) =>
            SpeechDirectory.Find(id, catalog, gateway) is { } model
                ? TypedResults.Json(new ModelEntry(id, "model", Created, model.OwnedBy), OratorJsonContext.Default.ModelEntry)
                : new ApiErrorResult(ApiError.ModelNotFound(id)));

        // Every model Orator has speaks, so the audio list is the whole list, under both keys.
        routes.MapGet(AudioModelsRoute, (VoiceCatalog catalog, UpstreamGateway gateway) =>
        {
            var entries = Entries(catalog, gateway);
            return TypedResults.Json(new AudioModelList("list", entries, entries), OratorJsonContext.Default.AudioModelList);
        });
        return routes;
    }

    private static IReadOnlyList<ModelEntry> Entries(VoiceCatalog catalog, UpstreamGateway gateway) =>
        [.. SpeechDirectory.Models(catalog, gateway).Select(m => new ModelEntry(m.Id, "model", Created, m.OwnedBy))];
}

/// <summary>The OpenAI model list.</summary>
internal sealed record ModelList(string Object, IReadOnlyList<ModelEntry> Data);

/// <summary>Body of <c>GET /v1/audio/models</c>: the OpenAI list, and the same entries as <c>models</c>.</summary>
internal sealed record AudioModelList(string Object, IReadOnlyList<ModelEntry> Data, IReadOnlyList<ModelEntry> Models);

/// <summary>One OpenAI model object.</summary>
internal sealed record ModelEntry(string Id, string Object, long Created, string OwnedBy);
