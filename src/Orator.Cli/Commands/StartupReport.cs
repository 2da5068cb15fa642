using System.Text;
using Orator.Server.Hosting;

namespace Orator.Cli.Commands;

/// <summary>What <c>orator serve</c> prints once it listens: where, which engines, which voices.</summary>
internal static class StartupReport
{
    public static string Build(OratorServer server, bool authOpen, int keyCount)
    {
        var text = new StringBuilder();
        foreach (var url in server.Urls)
        {
            text.Append("Orator listening on ").AppendLine(url);
        }

        if (server.Urls.Count > 0)
        {
            text.Append("Playground: ").Append(server.Urls[0].TrimEnd('/')).AppendLine("/ (open in a browser)");
        }

        var catalog = server.Engines.Catalog;
        foreach (var engine in catalog.Engines.OrderBy(e => e.Id, StringComparer.Ordinal))
        {
            var names = string.Join(", ", engine.Voices.Select(v => v.NativeName).Take(24));
            var more = engine.Voices.Count > 24 ? $", ... ({engine.Voices.Count - 24} more; see `orator voices`)" : "";
            text.Append("Engine ").Append(engine.Id).Append(": ").Append(engine.Voices.Count).Append(" voices: ").Append(names).AppendLine(more);
        }

        foreach (var (engine, problem) in server.Engines.MissingEngines)
        {
            text.Append("Engine ").Append(engine).Append(" NOT available: ").AppendLine(problem);
        }

        text.Append("Model store: ").Append(server.Engines.ModelStore.Root).AppendLine(" (Kokoro, Piper; kill -HUP re-scans it)");
        text.Append("Models: ").AppendLine(string.Join(", ", catalog.Models.Select(m => m.Id)));
        var openAi = catalog.List().Where(v => v.Engine is not null && Orator.Speech.Catalog.DefaultVoiceMap.OpenAiVoiceNames.Contains(v.Id));
        text.Append("OpenAI voices: ").AppendLine(string.Join(", ", openAi.Select(v => $"{v.Id}->{v.Engine}:{v.EngineVoice}")));
        foreach (var (format, problem, probed) in Orator.Audio.Encoding.AudioEncoderFactory.ReportWithoutLoadingAac())
        {
            var name = format.ToString().ToLowerInvariant();
            text.Append("Format ").Append(name).AppendLine(problem is not null ? $": NOT available: {problem}"
                : probed ? ": available" : ": installed (loaded and self-checked on the first request for it)");
        }

        foreach (var upstream in server.Gateway.Upstreams)
        {
            var definition = upstream.Definition;
            text.Append("Upstream ").Append(upstream.Name).Append(": ").Append(definition.BaseUri.ToString())
                .Append(" serves ").Append(definition.ModelList).Append(" (priority ").Append(definition.Limits.Priority)
                .Append(", key: ").Append(definition.KeySource).AppendLine(")");
        }

        if (server.Gateway.Upstreams.Count > 0)
        {
            text.Append("Local engines: priority ").Append(server.Gateway.LocalPriority).AppendLine(" (lower is tried first; kill -HUP re-reads the upstreams)");
        }

        text.Append("Workers: ").Append(server.Engines.Pool?.Size ?? 0).AppendLine(" engine processes");
        text.Append("Storage: ").Append(server.Storage.Provider).Append(' ').Append(server.Storage.Location)
            .Append(" (").Append(server.StoredKeyCount).AppendLine(" stored key(s); usage recorded there)");
        text.AppendLine(authOpen
            ? "Auth: OPEN - no API keys configured (set ORATOR_API_KEYS to require a bearer key)"
            : $"Auth: bearer key required ({keyCount} key(s) configured)");
        return text.ToString();
    }
}
