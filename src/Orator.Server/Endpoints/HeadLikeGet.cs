using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Orator.Server.Endpoints;

/// <summary>
/// Every endpoint that answers GET answers HEAD too (uptime checkers and load balancers probe with
/// HEAD): the same handler runs, so the status and headers are the GET's, and Kestrel sends no body
/// for a HEAD request whatever the handler writes.
/// </summary>
internal static class HeadLikeGet
{
    /// <summary>Adds HEAD wherever GET is mapped on the endpoints of <paramref name="builder"/>.</summary>
    public static TBuilder AnswerHeadLikeGet<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder
    {
        // Finally: after each endpoint's own conventions, so a narrowed method list (MetricsApi) is the one extended.
        builder.Finally(endpoint =>
        {
            // Routing reads the last method metadata an endpoint carries.
            var methods = endpoint.Metadata.OfType<IHttpMethodMetadata>().LastOrDefault();
            if (methods is not null
                && methods.HttpMethods.Any(HttpMethods.IsGet)
                && !methods.HttpMethods.Any(HttpMethods.IsHead))
            {
                endpoint.Metadata.Add(new HttpMethodMetadata([.. methods.HttpMethods, HttpMethods.Head], methods.AcceptCorsPreflight));
            }
        });
        return builder;
    }
}
