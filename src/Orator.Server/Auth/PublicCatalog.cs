using Microsoft.AspNetCore.Http;
using Orator.Server.Endpoints;

namespace Orator.Server.Auth;

/// <summary>
/// The listings that answer without a key when <c>Orator:PublicCatalog</c> is on (the default): which
/// models and voices exist is no secret, and clients such as Open WebUI ask for them with no
/// Authorization header at all. Only a missing key is let through: a key that is sent is checked as on
/// every route (a wrong one is still a 401, a good one is still metered and rate limited), so a
/// listing never hides a bad key. Speech and normalize always need a key.
/// </summary>
internal static class PublicCatalog
{
    /// <summary>The listings' route patterns, as routing matched them.</summary>
    public static IReadOnlySet<string> Routes { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        ModelsApi.ListRoute,
        ModelsApi.ModelRoute,
        ModelsApi.AudioModelsRoute,
        VoicesApi.Route,
    };

    /// <summary>
    /// True when a request on <paramref name="route"/> with <paramref name="method"/> reads a listing.
    /// Only reads: a method mapped on one of these paths later (the reference creates custom voices with
    /// <c>POST /v1/audio/voices</c>) needs a key.
    /// </summary>
    public static bool IsListing(string route, string method) =>
        (HttpMethods.IsGet(method) || HttpMethods.IsHead(method)) && Routes.Contains(route);
}
