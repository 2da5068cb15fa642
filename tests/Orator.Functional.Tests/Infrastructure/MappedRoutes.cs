using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using Orator.Server.Hosting;

namespace Orator.Functional.Tests.Infrastructure;

/// <summary>
/// The (path, method) pairs a running server really maps, read from its endpoint data source,
/// so a check against them cannot go stale the way a hand-kept list of routes does.
/// </summary>
public static class MappedRoutes
{
    /// <summary>A method that stands for "every method": an endpoint mapped without HTTP method metadata.</summary>
    public const string AnyMethod = "*";

    /// <summary>
    /// Every described route of <paramref name="server"/> as an OpenAPI path (<c>/v1/models/{id}</c>)
    /// and a lower-case method; endpoints excluded from description (the playground assets) are left out,
    /// and so is the HEAD every GET route also answers.
    /// </summary>
    public static IReadOnlySet<(string Path, string Method)> Of(OratorServer server)
    {
        ArgumentNullException.ThrowIfNull(server);
        var source = server.Services.GetRequiredService<EndpointDataSource>();
        var routes = new HashSet<(string, string)>();
        foreach (var endpoint in source.Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<IExcludeFromDescriptionMetadata>() is { ExcludeFromDescription: true })
            {
                continue;
            }

            var path = OpenApiPath(endpoint.RoutePattern);
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods;
            if (methods is null || methods.Count == 0)
            {
                routes.Add((path, AnyMethod));
                continue;
            }

            foreach (var method in methods)
            {
                // HEAD is answered wherever GET is (HeadLikeGet); the document, like HTTP, leaves it implied.
                if (HttpMethods.IsHead(method) && methods.Any(HttpMethods.IsGet))
                {
                    continue;
                }

                routes.Add((path, method.ToLowerInvariant()));
            }
        }

        return routes;
    }

    // Rebuilt from the parsed pattern rather than RawText, so constraints and defaults
    // ({id:int}, {id=x}) come out as the plain {id} that OpenAPI paths use.
    private static string OpenApiPath(RoutePattern pattern)
    {
        var segments = pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternSeparatorPart separator => separator.Content,
            RoutePatternParameterPart parameter => "{" + parameter.Name + "}",
            _ => throw new InvalidOperationException($"Unexpected route part {part.GetType().Name} in {pattern.RawText}."),
        })));
        return "/" + string.Join('/', segments);
    }
}
