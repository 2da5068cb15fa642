using Orator.Core.Audio;

namespace Orator.Gateway.Configuration;

/// <summary>
/// One upstream, checked and resolved: where its speech endpoint is, the key it takes (never shown:
/// <see cref="ToString"/> and logs name the upstream, not the key), which models it serves under which
/// names, and its limits.
/// </summary>
public sealed class UpstreamDefinition
{
    internal UpstreamDefinition(string name, Uri baseUri, string? apiKey, string keySource, IReadOnlyList<KeyValuePair<string, string>> models, IReadOnlyDictionary<string, string> voices, UpstreamLimits limits, IReadOnlyList<KeyValuePair<string, string>> headers)
    {
        Name = name;
        BaseUri = baseUri;
        ApiKey = apiKey;
        KeySource = keySource;
        Models = models;
        Voices = voices;
        Limits = limits;
        Headers = headers;
    }

    /// <summary>The configured name: metric label, usage backend, <c>owned_by</c> of its models.</summary>
    public string Name { get; }

    /// <summary>The API base (<c>.../v1</c>), with no trailing slash.</summary>
    public Uri BaseUri { get; }

    /// <summary>Where speech is asked for: <c>{base}/audio/speech</c>.</summary>
    public Uri SpeechUri => new(BaseUri + "/audio/speech");

    /// <summary>Where its voices are listed, when it lists them: <c>{base}/audio/voices</c>.</summary>
    public Uri VoicesUri => new(BaseUri + "/audio/voices");

    /// <summary>The bearer key sent upstream, or null for an upstream that takes none.</summary>
    internal string? ApiKey { get; }

    /// <summary>Where the key comes from, for listings: <c>none</c>, <c>configured</c> or <c>env NAME</c>.</summary>
    public string KeySource { get; }

    /// <summary>(model id here, model id upstream), in configured order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Models { get; }

    /// <summary>The model ids here, comma-separated (logs, listings).</summary>
    public string ModelList => string.Join(", ", Models.Select(m => m.Key == m.Value ? m.Key : $"{m.Key}={m.Value}"));

    /// <summary>Voice names here mapped to the upstream's names.</summary>
    public IReadOnlyDictionary<string, string> Voices { get; }

    /// <summary>Priority, timeout, concurrency and circuit settings.</summary>
    public UpstreamLimits Limits { get; }

    /// <summary>Extra headers sent with every request.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; }

    /// <summary>The upstream's name for <paramref name="localModel"/>, or null when it does not serve it.</summary>
    public string? UpstreamModelFor(string localModel)
    {
        foreach (var (local, upstream) in Models)
        {
            if (string.Equals(local, localModel, StringComparison.Ordinal))
            {
                return upstream;
            }
        }

        return null;
    }

    /// <summary>The voice sent upstream for <paramref name="voice"/>.</summary>
    public string UpstreamVoiceFor(string voice) => Voices.TryGetValue(voice, out var mapped) ? mapped : voice;

    /// <summary>True when everything that shapes a call is the same (a reload keeps the runtime state of an unchanged upstream).</summary>
    public bool SameAs(UpstreamDefinition other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Name == other.Name && BaseUri == other.BaseUri && ApiKey == other.ApiKey && KeySource == other.KeySource
            && Models.SequenceEqual(other.Models) && Voices.Count == other.Voices.Count && Voices.All(v => other.Voices.TryGetValue(v.Key, out var o) && o == v.Value)
            && Limits == other.Limits && Headers.SequenceEqual(other.Headers);
    }

    /// <summary>The media type an upstream is expected to answer <paramref name="format"/> with (the API's table).</summary>
    public static string ContentTypeOf(AudioFormat format) => AudioFormats.ContentTypeOf(format);

    /// <inheritdoc />
    public override string ToString() => $"{Name} ({BaseUri})";
}
