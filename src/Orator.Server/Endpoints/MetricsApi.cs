using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
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
        // prometheus-net maps every method; only GET is documented (and all a scraper sends), so others get 405
        // (HEAD aside, which HeadLikeGet adds to every GET route).
        routes.MapMetrics("/metrics", routes.ServiceProvider.GetRequiredService<OratorMetrics>().Registry)
            .WithMetadata(new HttpMethodMetadata([HttpMethods.Get]));
        return routes;
    }
}
