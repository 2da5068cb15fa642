using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Orator.Server.Endpoints;

/// <summary>
/// <c>GET /openapi.json</c>: the OpenAPI 3.1 description of the API. Hand-written and embedded,
/// because the speech endpoint validates its body by hand and a generator would not see its schema.
/// </summary>
internal static class OpenApiApi
{
    private const string ResourceName = "Orator.Server.openapi.json";

    private static readonly Lazy<byte[]> Document = new(() =>
    {
        using var stream = typeof(OpenApiApi).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    });

    public static IEndpointRouteBuilder MapOpenApiApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/openapi.json", () => TypedResults.Bytes(Document.Value, "application/json"));
        return routes;
    }
}
