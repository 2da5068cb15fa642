namespace Orator.Gateway.Configuration;

/// <summary>
/// One upstream as configured under <c>Orator:Upstreams:&lt;name&gt;</c>: an OpenAI-compatible speech
/// API (OpenAI itself, another gateway, a GPU box running Orator, Kokoro-FastAPI, Speaches, LocalAI).
/// Bound as written; <see cref="UpstreamSettings.Read"/> checks it and turns it into an
/// <see cref="UpstreamDefinition"/>.
/// </summary>
public sealed class UpstreamOptions
{
    /// <summary>The API's base address, as OpenAI clients take it (<c>https://api.openai.com/v1</c>); an address without a path gets <c>/v1</c>.</summary>
    public string? BaseUrl { get; init; }

    /// <summary>The bearer key sent to the upstream (never the client's). Use <see cref="ApiKeyEnv"/> to keep it out of files.</summary>
    public string? ApiKey { get; init; }

    /// <summary>The name of an environment variable that holds the key.</summary>
    public string? ApiKeyEnv { get; init; }

    /// <summary>Model ids it serves; <c>local=upstream</c> offers the upstream's model under another name.</summary>
    public IList<string> Models { get; init; } = [];

    /// <summary>Voice names sent as another name upstream (<c>Voices:narrator = af_bella</c>).</summary>
    public IDictionary<string, string> Voices { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Lower is tried first; the local engines have <c>Orator:LocalPriority</c>.</summary>
    public int Priority { get; init; } = UpstreamDefaults.Priority;

    /// <summary>Seconds to the first audio byte, and the longest silence between bytes after it.</summary>
    public double TimeoutSeconds { get; init; } = UpstreamDefaults.TimeoutSeconds;

    /// <summary>Requests in flight at once; 0 = no limit. A request over it goes to the next backend.</summary>
    public int MaxConcurrency { get; init; }

    /// <summary>Extra request headers (an organization id, a project header).</summary>
    public IDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Consecutive failures that open the circuit.</summary>
    public int FailureThreshold { get; init; } = UpstreamDefaults.FailureThreshold;

    /// <summary>Seconds an open circuit waits before letting one probe request through.</summary>
    public double OpenSeconds { get; init; } = UpstreamDefaults.OpenSeconds;
}
