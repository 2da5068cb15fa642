using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Orator.Gateway.Configuration;
using Orator.Gateway.Upstreams;

namespace Orator.Cli.Commands.Upstreams;

/// <summary>
/// <c>orator upstreams list [--server URL] [--json]</c>: each configured upstream (never its key: only
/// where the key comes from), and with <c>--server</c> its circuit and in-flight count on that server.
/// </summary>
internal static class UpstreamsListCommand
{
    /// <summary>The state column without <c>--server</c>: circuits live in a running server, and this command runs none.</summary>
    public const string NoServer = "no --server";

    /// <summary>The state column for an upstream configured here that the server does not have (it runs other settings).</summary>
    public const string NotOnServer = "not-on-server";

    /// <summary>Exit status when <c>--server</c> cannot be read (as <c>orator say</c> and <c>orator keys</c> fail).</summary>
    private const int ServerUnreadable = 1;

    public static Command Create()
    {
        var server = new Option<string?>("--server") { Description = "Base URL of a running Orator (e.g. http://127.0.0.1:8000): add each upstream's circuit state and in-flight requests from its /metrics." };
        var json = new Option<bool>("--json") { Description = "Print JSON instead of a table." };
        var command = new Command("list", "List the configured upstreams: address, models, priority, timeout, concurrency, where the key comes from (settings as for `orator serve`; extra --Orator:Key=value tokens act as configuration).") { server, json };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (result, cancellationToken) =>
        {
            var output = result.InvocationConfiguration.Output;
            var error = result.InvocationConfiguration.Error;
            if (ConfiguredUpstreams.TryRead([.. result.UnmatchedTokens], error) is not { } configured)
            {
                return ConfigurationErrors.ExitCode;
            }

            IReadOnlyDictionary<string, LiveUpstream>? live = null;
            Uri? serverUri = null;
            if (result.GetValue(server) is { } address)
            {
                if (!Uri.TryCreate(address, UriKind.Absolute, out serverUri) || serverUri.Scheme is not ("http" or "https"))
                {
                    await error.WriteLineAsync($"error: --server '{address}' is not an absolute http:// or https:// URL.");
                    return ConfigurationErrors.ExitCode;
                }

                try
                {
                    live = await ServerUpstreamStates.FetchAsync(serverUri, cancellationToken);
                }
                catch (HttpRequestException ex)
                {
                    await error.WriteLineAsync($"error: cannot read the upstreams' state from {ServerUpstreamStates.MetricsUri(serverUri)}: {ex.Message}");
                    return ServerUnreadable;
                }
                catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    await error.WriteLineAsync($"error: {ServerUpstreamStates.MetricsUri(serverUri)} did not answer within {ServerUpstreamStates.Timeout.TotalSeconds:0} s.");
                    return ServerUnreadable;
                }
            }

            if (result.GetValue(json))
            {
                var entries = configured.Upstreams.Select(u => Entry(u, live)).ToList();
                await output.WriteLineAsync(JsonSerializer.Serialize(new UpstreamListJson(configured.LocalPriority, serverUri?.ToString(), entries), UpstreamsJsonContext.Default.UpstreamListJson));
                return 0;
            }

            WriteTable(output, configured, live, serverUri);
            return 0;
        });
        return command;
    }

    private static void WriteTable(TextWriter output, ConfiguredUpstreams configured, IReadOnlyDictionary<string, LiveUpstream>? live, Uri? server)
    {
        if (configured.Upstreams.Count == 0)
        {
            output.WriteLine($"No upstreams configured (add them under {UpstreamSettings.SectionName}:<name>: BaseUrl, Models, ApiKeyEnv).");
        }
        else
        {
            var table = new TextTable("NAME", "BASE URL", "MODELS", "PRIORITY", "TIMEOUT", "MAX CONCURRENCY", "KEY", "STATE", "IN FLIGHT");
            foreach (var upstream in configured.Upstreams)
            {
                var entry = Entry(upstream, live);
                table.Add(
                    entry.Name,
                    entry.BaseUrl,
                    upstream.ModelList,
                    entry.Priority.ToString(CultureInfo.InvariantCulture),
                    string.Create(CultureInfo.InvariantCulture, $"{entry.TimeoutSeconds:0.###} s"),
                    entry.MaxConcurrency == 0 ? "no limit" : entry.MaxConcurrency.ToString(CultureInfo.InvariantCulture),
                    entry.KeySource,
                    entry.State ?? NoServer,
                    entry.InFlight?.ToString(CultureInfo.InvariantCulture) ?? "-");
            }

            table.WriteTo(output);
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Local engines: priority {configured.LocalPriority} (Orator:LocalPriority). A model's backends are tried lowest priority first; on a tie the local engines go first."));
        if (server is not null && live is not null)
        {
            var others = live.Keys.Where(n => !configured.Upstreams.Any(u => u.Name == n)).Order(StringComparer.Ordinal).ToList();
            output.WriteLine(others.Count == 0
                ? $"State: from {ServerUpstreamStates.MetricsUri(server)}."
                : $"State: from {ServerUpstreamStates.MetricsUri(server)}, which also has upstreams not configured here: {string.Join(", ", others)}.");
        }
    }

    private static UpstreamEntryJson Entry(UpstreamDefinition upstream, IReadOnlyDictionary<string, LiveUpstream>? live)
    {
        string? state = null;
        int? inFlight = null;
        if (live is not null)
        {
            if (live.TryGetValue(upstream.Name, out var seen))
            {
                state = seen.State is { } s ? CircuitStates.Label(s) : "unknown";
                inFlight = seen.InFlight;
            }
            else
            {
                state = NotOnServer;
            }
        }

        return new UpstreamEntryJson(
            upstream.Name,
            upstream.BaseUri.ToString(),
            [.. upstream.Models.Select(m => new UpstreamModelJson(m.Key, m.Value))],
            upstream.Limits.Priority,
            upstream.Limits.Timeout.TotalSeconds,
            upstream.Limits.MaxConcurrency,
            upstream.KeySource,
            state,
            inFlight);
    }
}
