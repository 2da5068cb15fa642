using Orator.Speech.Caching;
using Orator.Speech.Configuration;
using Orator.Speech.Hosting;

namespace Orator.Server.Hosting;

/// <summary>Opens the render cache <c>Orator:Cache</c> describes and keeps it in step with the engines.</summary>
internal static class RenderCacheSetup
{
    /// <summary>
    /// The cache, emptied whenever the engines load changed models. A disk folder that cannot be
    /// created or written is a configuration error naming the key.
    /// </summary>
    public static RenderCache Open(CacheOptions options, EngineHost engines)
    {
        RenderCache cache;
        try
        {
            cache = new RenderCache(options, engines.Fingerprint);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new OratorConfigurationException($"{CacheOptions.SectionName}:Directory '{options.Directory}' cannot be used for the render cache: {ex.Message}");
        }

        engines.ModelsReloaded += () => cache.Clear(engines.Fingerprint);
        return cache;
    }
}
