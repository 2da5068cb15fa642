using System.Net.Http.Headers;
using Orator.Gateway.Configuration;

namespace Orator.Gateway.Upstreams;

/// <summary>The headers every call to an upstream carries: its key (never the client's), the configured extras.</summary>
internal static class UpstreamHeaders
{
    /// <summary>Sets the upstream's key and extra headers on <paramref name="request"/>.</summary>
    public static void Apply(HttpRequestMessage request, UpstreamDefinition definition)
    {
        if (definition.ApiKey is { } key)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        foreach (var (name, value) in definition.Headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        request.Headers.UserAgent.ParseAdd("Orator-Gateway/1");
    }
}
