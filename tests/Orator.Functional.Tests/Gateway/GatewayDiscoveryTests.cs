using System.Text.Json;
using Orator.Speech.Catalog;

namespace Orator.Functional.Tests.Gateway;

/// <summary>What the gateway lists: the models its upstreams serve, owned by them, and the voices the upstream itself lists.</summary>
[Collection(GatewayCollection.Name)]
public sealed class GatewayDiscoveryTests(GatewayFixture fixture)
{
    private static async Task<JsonElement> GetJsonAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {text}");
        using var json = JsonDocument.Parse(text);
        return json.RootElement.Clone();
    }

    private static Dictionary<string, string> Owners(JsonElement models) =>
        models.GetProperty("data").EnumerateArray().ToDictionary(m => m.GetProperty("id").GetString()!, m => m.GetProperty("owned_by").GetString()!);

    [Fact]
    public async Task The_model_list_names_each_upstream_model_under_its_gateway_name_owned_by_the_upstream()
    {
        using var gateway = fixture.Gateway.CreateClient();
        using var upstream = fixture.CreateUpstreamClient();

        var listed = Owners(await GetJsonAsync(gateway, "v1/models"));
        var upstreamListed = Owners(await GetJsonAsync(upstream, "v1/models"));
        var premium = await GetJsonAsync(gateway, "v1/models/premium");

        Assert.Equal(GatewayServer.UpstreamName, listed["premium"]);
        Assert.Equal(GatewayServer.UpstreamName, listed["tts-1"]);
        Assert.Equal(GatewayServer.StaleUpstreamName, listed["stale"]);
        // The gateway speaks nothing itself: its list is exactly what its upstreams serve.
        Assert.Equal(["gpt-4o-mini-tts", "premium", "stale", "tts-1"], listed.Keys.Order(StringComparer.Ordinal));
        Assert.DoesNotContain("premium", upstreamListed.Keys);
        Assert.Equal("orator", upstreamListed["tts-1-hd"]);
        Assert.Equal("premium", premium.GetProperty("id").GetString());
        Assert.Equal(GatewayServer.UpstreamName, premium.GetProperty("owned_by").GetString());
    }

    [Fact]
    public async Task The_voices_of_an_upstream_model_are_the_ones_the_upstream_lists_plus_the_mapped_names()
    {
        using var gateway = fixture.Gateway.CreateClient();
        using var upstream = fixture.CreateUpstreamClient();
        var upstreamVoices = (await GetJsonAsync(upstream, "v1/audio/voices")).GetProperty("data").EnumerateArray().Select(v => v.GetProperty("id").GetString()!).ToHashSet(StringComparer.Ordinal);
        // The upstream lists espeak's languages as voices (espeak:en-gb...): far more than the OpenAI names a gateway assumes of an upstream without a list.
        Assert.Contains("espeak:en-gb", upstreamVoices);
        Assert.True(upstreamVoices.Count > DefaultVoiceMap.OpenAiVoiceNames.Count + 50, $"{upstreamVoices.Count} voices upstream");

        // The gateway asks for the list in the background after it starts: wait for it, bounded.
        JsonElement[] rows = [];
        var deadline = DateTime.UtcNow.AddSeconds(20);
        do
        {
            rows = [.. (await GetJsonAsync(gateway, "v1/audio/voices?model=premium")).GetProperty("data").EnumerateArray()];
            if (rows.Any(r => r.GetProperty("id").GetString() == "espeak:en-gb"))
            {
                break;
            }

            await Task.Delay(100);
        }
        while (DateTime.UtcNow < deadline);

        var ids = rows.Select(r => r.GetProperty("id").GetString()!).ToHashSet(StringComparer.Ordinal);
        Assert.True(ids.SetEquals(upstreamVoices.Append("narrator")), $"missing: {string.Join(", ", upstreamVoices.Except(ids).Take(10))}; extra: {string.Join(", ", ids.Except(upstreamVoices).Take(10))}");
        Assert.All(rows, r => Assert.Equal($"upstream:{GatewayServer.UpstreamName}", r.GetProperty("engine").GetString()));
        Assert.All(rows, r => Assert.Contains("premium", r.GetProperty("models").EnumerateArray().Select(m => m.GetString())));
        var narrator = rows.Single(r => r.GetProperty("id").GetString() == "narrator");
        Assert.Equal("echo", narrator.GetProperty("engine_voice").GetString());
    }

    [Fact]
    public async Task A_voice_only_the_upstream_offers_speaks_through_the_gateway_as_it_does_upstream()
    {
        using var gateway = fixture.Gateway.CreateClient();
        using var upstream = fixture.CreateUpstreamClient();

        var relayed = await RelayedSpeech.PostAsync(gateway, new { model = "premium", voice = "espeak:de", input = "Guten Morgen, wie geht es dir?", response_format = "opus" });
        var direct = await RelayedSpeech.PostAsync(upstream, new { model = "tts-1-hd", voice = "espeak:de", input = "Guten Morgen, wie geht es dir?", response_format = "opus" });

        Assert.Equal(200, relayed.Status);
        Assert.Equal(GatewayServer.UpstreamName, relayed.Header("x-orator-backend"));
        Assert.Equal("espeak:de", relayed.Header("x-orator-voice"));
        Assert.Equal(200, direct.Status);
        Assert.Equal(direct.Body, relayed.Body);
    }
}
