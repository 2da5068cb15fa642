using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Orator.Server.Hosting;
using Orator.Speech.Hosting;

namespace Orator.Server.Endpoints;

/// <summary><c>GET /health</c>: liveness, with the engines that are up.</summary>
internal static class HealthApi
{
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/health", (EngineHost engines) => TypedResults.Json(
            new HealthStatus("ok", [.. engines.Catalog.Engines.Select(e => e.Id)], engines.Pool?.Size ?? 0, engines.Pool?.Restarts ?? 0),
            OratorJsonContext.Default.HealthStatus));
        return routes;
    }
}

/// <summary>Body of <c>GET /health</c>.</summary>
internal sealed record HealthStatus(string Status, IReadOnlyList<string> Engines, int Workers, int WorkerRestarts);
