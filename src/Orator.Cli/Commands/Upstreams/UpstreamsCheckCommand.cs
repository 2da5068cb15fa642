using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Orator.Gateway.Configuration;

namespace Orator.Cli.Commands.Upstreams;

/// <summary>
/// <c>orator upstreams check [name...] [--text WORD] [--json]</c>: a one-word speech request to each
/// configured upstream (or the named ones), all at once; prints what each did and exits 0 only when
/// every one answered with audio.
/// </summary>
internal static class UpstreamsCheckCommand
{
    /// <summary>Exit status when some upstream failed its probe (as a failed <c>orator say</c>).</summary>
    public const int SomeFailed = 1;

    public static Command Create()
    {
        var names = new Argument<string[]>("name") { Description = "Upstreams to check (default: every configured one).", Arity = ArgumentArity.ZeroOrMore };
        var text = new Option<string>("--text") { Description = $"What to say (default \"{UpstreamProbe.DefaultText}\").", DefaultValueFactory = _ => UpstreamProbe.DefaultText };
        var json = new Option<bool>("--json") { Description = "Print JSON instead of a table." };
        var command = new Command(
            "check",
            $"Send each upstream a short speech request (its first model, its first configured voice or {UpstreamProbe.DefaultVoice}, mp3) and show the result, time to first byte and bytes received. "
            + "Exit status 0 when every one answered with audio, 1 otherwise (settings as for `orator serve`; extra --Orator:Key=value tokens act as configuration).")
        {
            names, text, json,
        };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (result, cancellationToken) =>
        {
            var output = result.InvocationConfiguration.Output;
            var error = result.InvocationConfiguration.Error;
            // The parser hands unknown --Key=value tokens to the names argument, in order with the names.
            var (wanted, configuration) = ConfigurationTokens.Split([.. result.GetValue(names) ?? [], .. result.UnmatchedTokens]);
            if (ConfiguredUpstreams.TryRead(configuration, error) is not { } configured)
            {
                return ConfigurationErrors.ExitCode;
            }

            var say = result.GetValue(text);
            if (string.IsNullOrWhiteSpace(say))
            {
                await error.WriteLineAsync("error: --text must not be empty.");
                return ConfigurationErrors.ExitCode;
            }

            if (Select(configured.Upstreams, wanted, error) is not { } selected)
            {
                return ConfigurationErrors.ExitCode;
            }

            if (selected.Count == 0)
            {
                await output.WriteLineAsync($"No upstreams configured ({UpstreamSettings.SectionName}): nothing to check.");
                return 0;
            }

            var probes = await Task.WhenAll(selected.Select(u => UpstreamProbe.RunAsync(u, say, cancellationToken)));
            var allOk = probes.All(p => p.Ok);
            if (result.GetValue(json))
            {
                await output.WriteLineAsync(JsonSerializer.Serialize(new UpstreamCheckJson(say, allOk, probes), UpstreamsJsonContext.Default.UpstreamCheckJson));
            }
            else
            {
                var table = new TextTable("NAME", "MODEL", "VOICE", "RESULT", "FIRST BYTE", "BYTES", "DETAIL");
                foreach (var probe in probes)
                {
                    table.Add(
                        probe.Name,
                        probe.Model,
                        probe.Voice,
                        probe.Result,
                        probe.FirstByteMs is { } ms ? string.Create(CultureInfo.InvariantCulture, $"{ms} ms") : "-",
                        probe.Bytes.ToString(CultureInfo.InvariantCulture),
                        probe.Detail ?? "");
                }

                table.WriteTo(output);
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{probes.Count(p => p.Ok)} of {probes.Length} upstream(s) answered with audio."));
            }

            return allOk ? 0 : SomeFailed;
        });
        return command;
    }

    /// <summary>The upstreams named (any case, as configuration keys), or all when none is; null, with the reason printed, for a name not configured.</summary>
    private static List<UpstreamDefinition>? Select(IReadOnlyList<UpstreamDefinition> upstreams, IReadOnlyList<string> names, TextWriter error)
    {
        if (names.Count == 0)
        {
            return [.. upstreams];
        }

        var selected = new List<UpstreamDefinition>();
        foreach (var name in names)
        {
            var upstream = upstreams.FirstOrDefault(u => string.Equals(u.Name, name, StringComparison.OrdinalIgnoreCase));
            if (upstream is null)
            {
                var known = upstreams.Count == 0 ? "none is configured" : "configured: " + string.Join(", ", upstreams.Select(u => u.Name));
                error.WriteLine($"error: no upstream named '{name}' ({known}).");
                return null;
            }

            if (!selected.Contains(upstream))
            {
                selected.Add(upstream);
            }
        }

        return selected;
    }
}
