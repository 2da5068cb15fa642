using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Orator.Gateway.Routing;
using Orator.Speech.Catalog;

namespace Orator.Server.Endpoints;

/// <summary><c>GET /v1/audio/voices[?model=...]</c>: every voice that works, local and upstream, and with which models.</summary>
internal static class VoicesApi
{
    public static IEndpointRouteBuilder MapVoicesApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/v1/audio/voices", (string? model, VoiceCatalog catalog, UpstreamGateway gateway) =>
        {
            var rows = SpeechDirectory.Voices(catalog, gateway);
            if (!string.IsNullOrEmpty(model))
            {
                var canonical = catalog.FindModel(model)?.Id ?? model;
                rows = [.. rows.Where(r => r.Models.Contains(canonical))];
            }

            return TypedResults.Json(new VoiceList("list", rows), OratorJsonContext.Default.VoiceList);
        });
        return routes;
    }
}

/// <summary>Body of <c>GET /v1/audio/voices</c>.</summary>
internal sealed record VoiceList(string Object, IReadOnlyList<VoiceListing> Data);
