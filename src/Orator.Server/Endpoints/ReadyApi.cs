using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Orator.Server.Api;
using Orator.Server.Hosting;
using Orator.Speech.Errors;
using Orator.Speech.Hosting;

namespace Orator.Server.Endpoints;

/// <summary>
/// <c>GET /ready</c>: readiness for a load balancer. Unlike <c>/health</c> (liveness), it answers
/// 503 while the server cannot speak: no live engine worker, or no engine at all.
/// </summary>
internal static class ReadyApi
{
    public static IEndpointRouteBuilder MapReadyApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/ready", IResult (EngineHost engines) =>
        {
            var live = engines.Pool?.ProcessIds.Count ?? 0;
            string[] ids = [.. engines.Catalog.Engines.Select(e => e.Id)];
            if (live > 0 && ids.Length > 0)
            {
                return TypedResults.Json(new ReadyStatus("ready", ids, live), OratorJsonContext.Default.ReadyStatus);
            }

            var reason = live == 0 ? "no engine worker is running" : "no speech engine is available";
            return new ApiErrorResult(new ApiError(503, $"The server is not ready: {reason}.", ApiErrorTypes.Server, Code: "not_ready"));
        });
        return routes;
    }
}

/// <summary>Body of <c>GET /ready</c>.</summary>
internal sealed record ReadyStatus(string Status, IReadOnlyList<string> Engines, int Workers);
