using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Orator.Gateway.Routing;
using Orator.Server.Api;
using Orator.Speech.Catalog;
using Orator.Speech.Errors;

namespace Orator.Server.Endpoints;

/// <summary><c>GET /v1/models</c> and <c>GET /v1/models/{id}</c> in the OpenAI list shape.</summary>
internal static class ModelsApi
{
    // Fixed so that the list is stable across restarts: 2026-01-01T00:00:00Z.
    private const long Created = 1767225600;

    public static IEndpointRouteBuilder MapModelsApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/v1/models", (VoiceCatalog catalog, UpstreamGateway gateway) => TypedResults.Json(
            new ModelList("list", [.. SpeechDirectory.Models(catalog, gateway).Select(m => new ModelEntry(m.Id, "model", Created, m.OwnedBy))]),
            OratorJsonContext.Default.ModelList));

        // Exactly the names speech accepts (dated aliases included), answered under the name asked for.
        routes.MapGet("/v1/models/{id}", IResult (string id, VoiceCatalog catalog, UpstreamGateway gateway) =>
            SpeechDirectory.Find(id, catalog, gateway) is { } model
                ? TypedResults.Json(new ModelEntry(id, "model", Created, model.OwnedBy), OratorJsonContext.Default.ModelEntry)
                : new ApiErrorResult(ApiError.ModelNotFound(id)));
        return routes;
    }
}

/// <summary>The OpenAI model list.</summary>
internal sealed record ModelList(string Object, IReadOnlyList<ModelEntry> Data);

/// <summary>One OpenAI model object.</summary>
internal sealed record ModelEntry(string Id, string Object, long Created, string OwnedBy);
