using System.Globalization;
using System.Text.RegularExpressions;

namespace Orator.Gateway.Configuration;

/// <summary>
/// Checks the <c>Orator:Upstreams</c> section and resolves it into definitions: every problem is
/// collected with its key, and no problem ever quotes a key's value. The server runs it at startup
/// (a problem stops startup) and on SIGHUP (a problem keeps the upstreams in force).
/// </summary>
public static partial class UpstreamSettings
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Orator:Upstreams";

    /// <summary>The name the local engines go by as a backend; no upstream may take it.</summary>
    public const string LocalName = "local";

    /// <summary>Headers Orator sets itself on every upstream call.</summary>
    private static readonly HashSet<string> ReservedHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Authorization", "Content-Type", "Content-Length", "Host", "Transfer-Encoding", "Connection", "Accept",
    };

    /// <summary>Each numeric setting of an upstream: key, smallest, largest, whole numbers only.</summary>
    public static IReadOnlyList<(string Key, double Min, double Max, bool Whole)> NumericSettings { get; } =
    [
        ("Priority", -1000, 1000, true),
        ("TimeoutSeconds", 0.05, 600, false),
        ("MaxConcurrency", 0, 100_000, true),
        ("FailureThreshold", 1, 1000, true),
        ("OpenSeconds", 0.05, 3600, false),
    ];

    /// <summary>Resolves <paramref name="upstreams"/> (by name); <paramref name="variable"/> reads environment variables for <c>ApiKeyEnv</c>.</summary>
    public static (IReadOnlyList<UpstreamDefinition> Upstreams, IReadOnlyList<string> Problems) Read(IDictionary<string, UpstreamOptions>? upstreams, Func<string, string?> variable)
    {
        ArgumentNullException.ThrowIfNull(variable);
        var definitions = new List<UpstreamDefinition>();
        var problems = new List<string>();
        foreach (var (name, options) in (upstreams ?? new Dictionary<string, UpstreamOptions>()).OrderBy(u => u.Key, StringComparer.Ordinal))
        {
            var key = $"{SectionName}:{name}";
            var before = problems.Count;
            if (!NamePattern().IsMatch(name) || string.Equals(name, LocalName, StringComparison.OrdinalIgnoreCase))
            {
                problems.Add($"{key}: an upstream's name is 1-40 letters, digits, '-', '_' or '.', starting with a letter or digit, and not '{LocalName}' (got '{name}').");
            }

            var baseUri = ReadBaseUrl(key, options.BaseUrl, problems);
            var (apiKey, keySource) = ReadKey(key, options, variable, problems);
            var models = ReadModels(key, options.Models, problems);
            var voices = ReadVoices(key, options.Voices, problems);
            var headers = ReadHeaders(key, options.Headers, problems);
            var limits = ReadLimits(key, options, problems);
            if (problems.Count == before)
            {
                definitions.Add(new UpstreamDefinition(name, baseUri!, apiKey, keySource, models, voices, limits, headers));
            }
        }

        return (definitions, problems);
    }

    private static Uri? ReadBaseUrl(string key, string? text, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            problems.Add($"{key}:BaseUrl is required: the API's address, e.g. https://api.openai.com/v1 or http://gpu-box:8000/v1.");
            return null;
        }

        if (!Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            problems.Add($"{key}:BaseUrl must be an absolute http:// or https:// address (got '{text}').");
            return null;
        }

        if (uri.UserInfo.Length > 0)
        {
            // A password in the address would end up in logs and listings; the key has its own settings.
            problems.Add($"{key}:BaseUrl must not carry credentials; set {key}:ApiKey or {key}:ApiKeyEnv instead.");
            return null;
        }

        if (uri.Query.Length > 0 || uri.Fragment.Length > 0)
        {
            problems.Add($"{key}:BaseUrl must not have a query or fragment (got '{uri.GetLeftPart(UriPartial.Path)}...').");
            return null;
        }

        var path = uri.AbsolutePath.TrimEnd('/');
        return new Uri(uri.GetLeftPart(UriPartial.Authority) + (path.Length == 0 ? "/v1" : path));
    }

    private static (string? Key, string Source) ReadKey(string key, UpstreamOptions options, Func<string, string?> variable, List<string> problems)
    {
        var hasKey = !string.IsNullOrEmpty(options.ApiKey);
        var hasEnv = !string.IsNullOrWhiteSpace(options.ApiKeyEnv);
        if (hasKey && hasEnv)
        {
            problems.Add($"{key}: set ApiKey or ApiKeyEnv, not both.");
            return (null, "none");
        }

        string? value = null;
        var source = "none";
        if (hasKey)
        {
            value = options.ApiKey;
            source = "configured";
        }
        else if (hasEnv)
        {
            var name = options.ApiKeyEnv!.Trim();
            value = variable(name);
            source = $"env {name}";
            if (string.IsNullOrEmpty(value))
            {
                problems.Add($"{key}:ApiKeyEnv names the environment variable {name}, which is not set.");
                return (null, source);
            }
        }

        if (value is not null && (value.Any(char.IsWhiteSpace) || value.Any(char.IsControl)))
        {
            problems.Add($"{key}: the API key ({source}) contains spaces or control characters.");
        }

        return (value, source);
    }

    private static List<KeyValuePair<string, string>> ReadModels(string key, IList<string> models, List<string> problems)
    {
        var result = new List<KeyValuePair<string, string>>();
        if (models.Count == 0)
        {
            problems.Add($"{key}:Models must name at least one model it serves (e.g. {key}:Models:0=tts-1, or premium=tts-1-hd to rename).");
        }

        for (var i = 0; i < models.Count; i++)
        {
            var entry = models[i]?.Trim() ?? "";
            var split = entry.IndexOf('=', StringComparison.Ordinal);
            var local = (split < 0 ? entry : entry[..split]).Trim();
            var upstream = (split < 0 ? entry : entry[(split + 1)..]).Trim();
            if (!ModelPattern().IsMatch(local) || !ModelPattern().IsMatch(upstream))
            {
                problems.Add($"{key}:Models:{i} must be a model id or local=upstream, without spaces (got '{entry}').");
            }
            else if (result.Any(m => m.Key == local))
            {
                problems.Add($"{key}:Models:{i} lists '{local}' twice.");
            }
            else
            {
                result.Add(KeyValuePair.Create(local, upstream));
            }
        }

        return result;
    }

    private static Dictionary<string, string> ReadVoices(string key, IDictionary<string, string> voices, List<string> problems)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, upstream) in voices)
        {
            if (string.IsNullOrWhiteSpace(name) || string.IsNullOrWhiteSpace(upstream))
            {
                problems.Add($"{key}:Voices:{name} must name the upstream's voice.");
                continue;
            }

            result[name] = upstream.Trim();
        }

        return result;
    }

    private static List<KeyValuePair<string, string>> ReadHeaders(string key, IDictionary<string, string> headers, List<string> problems)
    {
        var result = new List<KeyValuePair<string, string>>();
        foreach (var (name, value) in headers.OrderBy(h => h.Key, StringComparer.OrdinalIgnoreCase))
        {
            if (!HeaderNamePattern().IsMatch(name) || ReservedHeaders.Contains(name))
            {
                problems.Add($"{key}:Headers:{name} is not a header Orator can send (a token, and not one of {string.Join(", ", ReservedHeaders.Order(StringComparer.Ordinal))}).");
            }
            else if (value is null || value.Any(char.IsControl))
            {
                problems.Add($"{key}:Headers:{name} must be a value without control characters.");
            }
            else
            {
                result.Add(KeyValuePair.Create(name, value));
            }
        }

        return result;
    }

    private static UpstreamLimits ReadLimits(string key, UpstreamOptions options, List<string> problems)
    {
        double[] values = [options.Priority, options.TimeoutSeconds, options.MaxConcurrency, options.FailureThreshold, options.OpenSeconds];
        for (var i = 0; i < values.Length; i++)
        {
            var (name, min, max, _) = NumericSettings[i];
            if (!(values[i] >= min && values[i] <= max))
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"{key}:{name} must be between {min} and {max} (got {values[i]})."));
            }
        }

        return new UpstreamLimits(options.Priority, TimeSpan.FromSeconds(options.TimeoutSeconds), options.MaxConcurrency, options.FailureThreshold, TimeSpan.FromSeconds(options.OpenSeconds));
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$")]
    private static partial Regex NamePattern();

    [GeneratedRegex(@"^[^\s=]{1,200}$")]
    private static partial Regex ModelPattern();

    [GeneratedRegex("^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,100}$")]
    private static partial Regex HeaderNamePattern();
}
