using Orator.Gateway.Routing;
using Orator.Speech.Catalog;

namespace Orator.Server.Endpoints;

/// <summary>
/// The models and voices a client can use: the local catalog's, plus what upstreams serve. A model
/// both offer is listed once, owned by the backend tried first; an upstream voice whose name is
/// also local adds the upstream's models to that row.
/// </summary>
internal static class SpeechDirectory
{
    /// <summary>Every model, as (id, owned_by).</summary>
    public static IReadOnlyList<(string Id, string OwnedBy)> Models(VoiceCatalog catalog, UpstreamGateway gateway)
    {
        var rows = new List<(string Id, string OwnedBy)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var model in catalog.Models)
        {
            seen.Add(model.Id);
            rows.Add((model.Id, OwnerOf(model.Id, gateway) ?? (model.EngineId is null ? "orator" : $"orator-{model.EngineId}")));
        }

        foreach (var model in gateway.Models)
        {
            if (seen.Add(model.Id))
            {
                rows.Add((model.Id, model.Owner));
            }
        }

        return rows;
    }

    /// <summary>The model named <paramref name="id"/> (local aliases included), as (canonical id, owned_by), or null.</summary>
    public static (string Id, string OwnedBy)? Find(string id, VoiceCatalog catalog, UpstreamGateway gateway)
    {
        if (catalog.FindModel(id) is { } local)
        {
            return (local.Id, OwnerOf(local.Id, gateway) ?? (local.EngineId is null ? "orator" : $"orator-{local.EngineId}"));
        }

        return gateway.Models.FirstOrDefault(m => m.Id == id) is { } upstream ? (upstream.Id, upstream.Owner) : null;
    }

    /// <summary>Every voice, local and upstream.</summary>
    public static IReadOnlyList<VoiceListing> Voices(VoiceCatalog catalog, UpstreamGateway gateway)
    {
        var rows = catalog.List().ToList();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < rows.Count; i++)
        {
            index.TryAdd(rows[i].Id, i);
        }

        foreach (var upstream in gateway.Upstreams)
        {
            var models = upstream.Definition.Models.Select(m => m.Key).ToList();
            foreach (var voice in upstream.Voices)
            {
                if (index.TryGetValue(voice, out var at))
                {
                    rows[at] = rows[at] with { Models = [.. rows[at].Models.Union(models, StringComparer.Ordinal)] };
                    continue;
                }

                index[voice] = rows.Count;
                rows.Add(new VoiceListing(voice, Capitalize(voice), models[0], models, "und", "unknown", $"upstream:{upstream.Name}", upstream.Definition.UpstreamVoiceFor(voice)));
            }
        }

        return rows;
    }

    /// <summary>The upstream a model is tried on first, when it is one.</summary>
    private static string? OwnerOf(string model, UpstreamGateway gateway)
    {
        var route = gateway.Route(model, servedLocally: true);
        return route.Count > 0 && route[0].Upstream is { } first ? first.Name : null;
    }

    private static string Capitalize(string name) => name.Length == 0 ? name : char.ToUpperInvariant(name[0]) + name[1..];
}
