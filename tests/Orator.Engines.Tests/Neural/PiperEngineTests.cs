using Orator.Core.Engines;
using Orator.Engines.Neural;
using Orator.Models.Store;
using Orator.Engines.Neural.Piper;
using Orator.Testing.NeuralFixtures;

namespace Orator.Engines.Tests.Neural;

public sealed class PiperEngineTests
{
    private static PiperEngine Open(FixtureStore store)
    {
        var problems = new List<(string, string)>();
        var engines = new NeuralModelScanner(new ModelStoreLayout(store.Root), KokoroFixture.Phonemizer).Open(problems);
        Assert.Empty(problems);
        return Assert.IsType<PiperEngine>(Assert.Single(engines));
    }

    private static async Task<short[]> SpeakAsync(PiperEngine engine, string voice, string text, float rate = 1f)
    {
        var recording = new NeuralRecording();
        await engine.SynthesizeAsync(new SynthesisRequest(engine.FindVoice(voice)!, [text], new Prosody(rate, 1f)), recording, CancellationToken.None);
        return recording.Samples;
    }

    private static List<long> DecodeIds(short[] audio, int start, int perId)
    {
        var ids = new List<long>();
        for (var i = start + perId / 2; i < audio.Length; i += perId)
        {
            ids.Add(FixtureModels.Decode(audio[i]));
        }

        return ids;
    }

    [Fact]
    public void Ids_are_framed_with_bos_pad_each_phoneme_followed_by_pad_then_eos()
    {
        using var store = new FixtureStore().WithPiper("en_US-test-low", multiSpeaker: false);
        using var engine = Open(store);
        var voice = Assert.Single(engine.Models);

        // phoneme_id_map of the shared libritts_r config: ^ 1, _ 0, $ 2, h 20, ə 59, ˈ 120, , 8
        Assert.Equal([1L, 0, 20, 0, 59, 0, 120, 0, 8, 0, 2], voice.Tokenizer.Tokenize("həˈ,"));
        // Unknown symbols are dropped. NFD: ẽ (U+1EBD) is e (18) + U+0303 (141), both in the map;
        // é is e + U+0301, which the map lacks, so only the e remains.
        Assert.Equal([1L, 0, 2], voice.Tokenizer.Tokenize("☃"));
        Assert.Equal([1L, 0, 18, 0, 141, 0, 2], voice.Tokenizer.Tokenize("\u1EBD"));
        Assert.Equal([1L, 0, 18, 0, 2], voice.Tokenizer.Tokenize("\u00E9"));
    }

    [Fact]
    public async Task A_single_speaker_voice_receives_the_framed_ids_and_their_count_at_its_own_sample_rate()
    {
        using var store = new FixtureStore().WithPiper("en_US-test-low", multiSpeaker: false, sampleRate: 16000);
        using var engine = Open(store);
        var expected = engine.Tokenize(Assert.Single(engine.Models), "Hello there, friend.");

        var audio = await SpeakAsync(engine, "en_US-test-low", "Hello there, friend.");

        Assert.Equal(16000, engine.Voices[0].SampleRate);
        Assert.Equal(expected.Length, FixtureModels.Decode(audio[10]));
        Assert.Equal(expected, DecodeIds(audio, FixtureModels.HeaderBlock, 8));
        Assert.Equal(FixtureModels.HeaderBlock + expected.Length * 8, audio.Length);
    }

    [Theory]
    [InlineData(1f, 8)]
    [InlineData(2f, 4)]
    [InlineData(0.5f, 16)]
    [InlineData(3f, 4)] // clamped to 2x
    public async Task Speed_becomes_the_length_scale(float rate, int perId)
    {
        using var store = new FixtureStore().WithPiper("en_US-test-low", multiSpeaker: false);
        using var engine = Open(store);
        var count = engine.Tokenize(Assert.Single(engine.Models), "Tempo.").Length;

        var audio = await SpeakAsync(engine, "en_US-test-low", "Tempo.", rate);

        Assert.Equal(FixtureModels.HeaderBlock + count * perId, audio.Length);
    }

    [Fact]
    public async Task Speakers_of_a_multi_speaker_voice_are_addressed_by_name_or_number()
    {
        using var store = new FixtureStore().WithPiper("en_US-libritts_r-medium", multiSpeaker: true, rank3Output: true);
        using var engine = Open(store);

        var byName = await SpeakAsync(engine, "en_US-libritts_r-medium#4535", "Hi.");
        var byNumber = await SpeakAsync(engine, "en_US-libritts_r-medium#7", "Hi.");
        var plain = await SpeakAsync(engine, "en_US-libritts_r-medium", "Hi.");

        Assert.Equal(2, FixtureModels.Decode(byName[10]));   // speaker_id_map: "4535": 2
        Assert.Equal(7, FixtureModels.Decode(byNumber[10]));
        Assert.Equal(0, FixtureModels.Decode(plain[10]));
        Assert.Equal(22050, engine.Voices[0].SampleRate);
        Assert.Null(engine.FindVoice("en_US-libritts_r-medium#nobody"));
        Assert.Null(engine.FindVoice("en_US-libritts_r-medium#904"));
        Assert.Single(engine.Voices);
    }

    [Fact]
    public void A_model_without_its_json_is_not_a_voice_and_a_broken_model_is_reported_not_thrown()
    {
        using var store = new FixtureStore();
        Directory.CreateDirectory(store.PiperDirectory);
        File.WriteAllBytes(Path.Combine(store.PiperDirectory, "lonely.onnx"), FixtureModels.Piper(false));
        File.WriteAllBytes(Path.Combine(store.PiperDirectory, "broken.onnx"), [1, 2, 3]);
        File.Copy(FixtureStore.SharedPiperConfig, Path.Combine(store.PiperDirectory, "broken.onnx.json"));
        var problems = new List<(string EngineId, string Problem)>();

        var engines = new NeuralModelScanner(new ModelStoreLayout(store.Root), KokoroFixture.Phonemizer).Open(problems);

        Assert.Empty(engines);
        var problem = Assert.Single(problems);
        Assert.Equal("piper", problem.EngineId);
        Assert.Contains("broken.onnx", problem.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Downloads_still_in_progress_are_not_models()
    {
        using var store = new FixtureStore().WithPiper("en_US-partial-low", multiSpeaker: false);
        File.Move(Path.Combine(store.PiperDirectory, "en_US-partial-low.onnx"), Path.Combine(store.PiperDirectory, "en_US-partial-low.onnx.part"));
        Directory.CreateDirectory(store.KokoroDirectory);
        File.WriteAllBytes(Path.Combine(store.KokoroDirectory, "kokoro-v1.0.onnx.part"), FixtureModels.Kokoro(KokoroExport.Tokens));
        var scanner = new NeuralModelScanner(new ModelStoreLayout(store.Root), KokoroFixture.Phonemizer);
        var problems = new List<(string, string)>();

        Assert.Empty(scanner.Open(problems));
        Assert.Empty(problems);
        Assert.Equal("", scanner.Signature());
    }
}
