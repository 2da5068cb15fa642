using System.Net.Http.Json;
using System.Text.Json;
using Orator.Functional.Tests.Infrastructure;
using Orator.Testing.NeuralFixtures;

namespace Orator.Functional.Tests.Neural;

/// <summary>A server over graphs that give their durations: hexgrad's Kokoro export and an alignment-patched Piper voice.</summary>
public sealed class TimedNeuralServerFixture : ServerFixture
{
    public const string Piper = "en_US-aligned-low";

    private readonly FixtureStore _store = new FixtureStore()
        .WithTimedKokoro(KokoroExport.InputIds, KokoroDurations.Int64)
        .WithAlignedPiper(Piper);

    protected override IEnumerable<string> Arguments => ["--Orator:Workers=1", $"--Orator:ModelsPath={_store.Root}"];

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        _store.Dispose();
    }
}

/// <summary>Captions over HTTP: exact neural words where the graph gives durations, estimates where it does not.</summary>
public sealed class NeuralCaptionTests(TimedNeuralServerFixture timed, NeuralServerFixture plain) : IClassFixture<TimedNeuralServerFixture>, IClassFixture<NeuralServerFixture>
{
    private const string Text = "Hello there, my friend.";

    [Theory]
    [InlineData("kokoro", "af_heart")]
    [InlineData("piper:" + TimedNeuralServerFixture.Piper, "alloy")]
    public async Task A_graph_with_durations_gives_words_not_marked_approximate(string model, string voice)
    {
        var words = await CaptionWordsAsync(timed, model, voice);

        Assert.Equal(["Hello", "there", "my", "friend"], words.Select(w => w.GetProperty("word").GetString()));
        Assert.All(words, w => Assert.False(w.TryGetProperty("approximate", out _)));
        AssertInOrder(words);
    }

    [Theory]
    [InlineData("kokoro", "af_heart")]
    [InlineData("piper:" + NeuralServerFixture.PiperSingle, "alloy")]
    public async Task A_graph_without_durations_gives_approximate_words(string model, string voice)
    {
        var words = await CaptionWordsAsync(plain, model, voice);

        Assert.Equal(4, words.Count);
        Assert.All(words, w => Assert.True(w.GetProperty("approximate").GetBoolean()));
        AssertInOrder(words);
    }

    private static async Task<List<JsonElement>> CaptionWordsAsync(ServerFixture server, string model, string voice)
    {
        using var client = server.CreateClient();
        using var response = await client.PostAsJsonAsync("v1/audio/captions", new { model, voice, input = Text, response_format = "json", audio_format = "wav" });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        using var json = JsonDocument.Parse(body);
        return [.. json.RootElement.GetProperty("words").EnumerateArray().Select(w => w.Clone())];
    }

    private static void AssertInOrder(List<JsonElement> words)
    {
        var last = 0.0;
        foreach (var word in words)
        {
            var start = word.GetProperty("start").GetDouble();
            var end = word.GetProperty("end").GetDouble();
            Assert.True(start >= last && end > start, $"{start}..{end} after {last}");
            last = end;
        }
    }
}
