using Orator.Core.Engines;
using Orator.Engines.Neural.Kokoro;
using Orator.Testing.NeuralFixtures;

namespace Orator.Engines.Tests.Neural;

public sealed class KokoroEngineTests
{
    private static SynthesisRequest Request(KokoroEngine engine, string voice, float rate, params string[] segments) =>
        new(engine.FindVoice(voice) ?? throw new InvalidOperationException(voice), segments, new Prosody(rate, 1f));

    [Fact]
    public async Task Each_chunk_reaches_the_model_framed_by_pads_with_the_ids_of_its_phonemes()
    {
        using var store = new FixtureStore().WithKokoro();
        using var engine = KokoroFixture.Open(store);
        var expected = Assert.Single(engine.Tokenize("Hello world.", KokoroLanguage.Of("af_heart")!));
        var recording = new NeuralRecording();

        await engine.SynthesizeAsync(Request(engine, "af_heart", 1f, "Hello world."), recording, CancellationToken.None);

        var ids = KokoroFixture.DecodeTokens(recording.Samples, 8);
        Assert.Equal([0L, .. expected, 0L], ids);
        Assert.Equal(FixtureModels.StyleBlock + (expected.Length + 2) * 8, recording.Samples.Length);
        Assert.Equal([0], recording.SegmentEnds);
    }
}
