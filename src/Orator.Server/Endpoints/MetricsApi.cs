using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Orator.Server.Observability;
using Prometheus;

namespace Orator.Server.Endpoints;

/// <summary><c>GET /metrics</c>: this server's metrics in the Prometheus text format, without auth.</summary>
internal static class MetricsApi
{
    public static IEndpointRouteBuilder MapMetricsApi(this IEndpointRouteBuilder routes)
    {
        routes.MapMetrics("/metrics", routes.ServiceProvider.GetRequiredService<OratorMetrics>().Registry);
        return routes;
    }
}
