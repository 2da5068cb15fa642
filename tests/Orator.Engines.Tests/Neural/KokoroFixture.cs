using Orator.Engines.Neural;
using Orator.Models.Store;
using Orator.Engines.Neural.Kokoro;
using Orator.Engines.Neural.Phonemes;
using Orator.Testing.NeuralFixtures;

namespace Orator.Engines.Tests.Neural;

/// <summary>Opens a Kokoro engine over a fixture store through the real scanner.</summary>
internal static class KokoroFixture
{
    public static readonly EspeakPhonemizer Phonemizer = new();

    public static KokoroEngine Open(FixtureStore store) => Open(store, Phonemizer);

    public static KokoroEngine Open(FixtureStore store, IPhonemizer phonemizer)
    {
        var problems = new List<(string, string)>();
        var engines = new NeuralModelScanner(new ModelStoreLayout(store.Root), phonemizer).Open(problems);
        Assert.Empty(problems);
        return Assert.IsType<KokoroEngine>(Assert.Single(engines));
    }

    /// <summary>Token ids read back from fixture audio: one id per block of <paramref name="perToken"/> samples after the style block.</summary>
    public static List<long> DecodeTokens(ReadOnlySpan<short> audio, int perToken)
    {
        var ids = new List<long>();
        for (var i = FixtureModels.StyleBlock + perToken / 2; i < audio.Length; i += perToken)
        {
            ids.Add(FixtureModels.Decode(audio[i]));
        }

        return ids;
    }
}
