using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Orator.Gateway.Routing;
using Orator.Speech.Catalog;

namespace Orator.Server.Endpoints;

/// <summary><c>GET /v1/audio/voices[?model=...]</c>: every voice that works, local and upstream, and with which models.</summary>
internal static class VoicesApi
{
    /// <summary>Route of the voice list.</summary>
    public const string Route = "/v1/audio/voices";

    public static IEndpointRouteBuilder MapVoicesApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet(Route, (string? model, VoiceCatalog catalog, UpstreamGateway gateway) =>
        {
            var rows = SpeechDirectory.Voices(catalog, gateway);
            if (!string.IsNullOrEmpty(model))
            {
                var canonical = catalog.FindModel(model)?.Id ?? model;
                rows = [.. rows.Where(r => r.Models.Contains(canonical))];
            }

            return TypedResults.Json(new VoiceList("list", rows, rows), OratorJsonContext.Default.VoiceList);
        });
        return routes;
    }
}

/// <summary>
/// Body of <c>GET /v1/audio/voices</c>: the rows under <c>data</c> (the OpenAI list shape) and again under
/// <c>voices</c>, the key Open WebUI, Home Assistant and Kokoro-FastAPI clients read (each row has
/// <c>id</c> and <c>name</c>).
/// </summary>
internal sealed record VoiceList(string Object, IReadOnlyList<VoiceListing> Data, IReadOnlyList<VoiceListing> Voices);
