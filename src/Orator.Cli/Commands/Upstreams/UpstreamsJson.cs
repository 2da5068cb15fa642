using System.Text.Json.Serialization;

namespace Orator.Cli.Commands.Upstreams;

/// <summary><c>orator upstreams list --json</c>.</summary>
/// <param name="LocalPriority"><c>Orator:LocalPriority</c>.</param>
/// <param name="Server">The server whose state was read, or null.</param>
/// <param name="Upstreams">One entry per upstream, by name.</param>
internal sealed record UpstreamListJson(int LocalPriority, string? Server, IReadOnlyList<UpstreamEntryJson> Upstreams);

/// <summary>One upstream in <see cref="UpstreamListJson"/>; <c>state</c> and <c>in_flight</c> are null without <c>--server</c>.</summary>
internal sealed record UpstreamEntryJson(
    string Name,
    string BaseUrl,
    IReadOnlyList<UpstreamModelJson> Models,
    int Priority,
    double TimeoutSeconds,
    int MaxConcurrency,
    string KeySource,
    string? State,
    int? InFlight);

/// <summary>A model id here and the upstream's name for it.</summary>
internal sealed record UpstreamModelJson(string Id, string Upstream);

/// <summary><c>orator upstreams check --json</c>.</summary>
/// <param name="Text">What was sent.</param>
/// <param name="Ok">True when every upstream checked answered with audio.</param>
/// <param name="Upstreams">One result per upstream checked, by name.</param>
internal sealed record UpstreamCheckJson(string Text, bool Ok, IReadOnlyList<ProbeResult> Upstreams);

/// <summary>The JSON the upstream commands print: snake_case, indented, nulls written.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true)]
[JsonSerializable(typeof(UpstreamListJson))]
[JsonSerializable(typeof(UpstreamCheckJson))]
internal sealed partial class UpstreamsJsonContext : JsonSerializerContext;
