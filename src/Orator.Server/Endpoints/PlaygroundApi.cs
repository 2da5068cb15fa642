using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;
using Orator.Server.Playground;

namespace Orator.Server.Endpoints;

/// <summary>
/// <c>GET /</c> and <c>GET /playground/*</c>: the web playground. Outside <c>/v1</c>, so the page
/// loads without a key; the page itself sends the key the user types to the API.
/// </summary>
internal static class PlaygroundApi
{
    // The page runs only its own scripts and styles, talks only to this server, and plays blob:
    // URLs (downloaded audio) and MediaSource streams.
    private const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; media-src 'self' blob:; "
        + "img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    public static IEndpointRouteBuilder MapPlaygroundApi(this IEndpointRouteBuilder routes)
    {
        foreach (var asset in PlaygroundAssets.All)
        {
            routes.MapGet(asset.Path, (HttpContext context) => Serve(asset, context)).ExcludeFromDescription();
        }

        return routes;
    }

    private static IResult Serve(PlaygroundAsset asset, HttpContext context)
    {
        var headers = context.Response.Headers;
        // Revalidate every time: an upgraded server must never run a stale script against a new API.
        headers.CacheControl = "no-cache";
        headers.ETag = asset.ETag;
        headers.XContentTypeOptions = "nosniff";
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers["Referrer-Policy"] = "no-referrer";

        foreach (var tag in context.Request.GetTypedHeaders().IfNoneMatch)
        {
            if (tag.Tag.Equals(asset.ETag, StringComparison.Ordinal) || tag.Equals(EntityTagHeaderValue.Any))
            {
                return TypedResults.StatusCode(StatusCodes.Status304NotModified);
            }
        }

        return TypedResults.Bytes(asset.Content, asset.ContentType);
    }
}
