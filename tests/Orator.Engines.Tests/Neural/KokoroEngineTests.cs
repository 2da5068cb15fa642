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

    [Fact]
    public async Task A_voice_given_another_kokoro_language_is_phonemized_in_it()
    {
        // What lang_code does to a Kokoro voice: the plan's EngineVoice carries the language tag.
        using var store = new FixtureStore().WithKokoro();
        using var engine = KokoroFixture.Open(store);
        var voice = engine.FindVoice("af_heart")! with { Language = "fr-FR" };
        var french = Assert.Single(engine.Tokenize("Bonjour le monde.", KokoroLanguage.OfTag("fr-FR")!));
        var english = Assert.Single(engine.Tokenize("Bonjour le monde.", KokoroLanguage.Of("af_heart")!));
        var recording = new NeuralRecording();

        await engine.SynthesizeAsync(new SynthesisRequest(voice, ["Bonjour le monde."], Prosody.Neutral), recording, CancellationToken.None);

        Assert.NotEqual(english, french);
        Assert.Equal([0L, .. french, 0L], KokoroFixture.DecodeTokens(recording.Samples, 8));
    }

    [Theory]
    [InlineData(1f, 8)]
    [InlineData(2f, 4)]
    [InlineData(0.5f, 16)]
    [InlineData(4f, 4)]      // clamped to the model's 2x
    [InlineData(0.25f, 16)]  // clamped to 0.5x
    public async Task The_tempo_goes_to_the_models_float_speed_input_clamped_to_half_to_double(float rate, int samplesPerToken)
    {
        using var store = new FixtureStore().WithKokoro();
        using var engine = KokoroFixture.Open(store);
        var tokens = Assert.Single(engine.Tokenize("Speed test.", KokoroLanguage.Of("af_heart")!)).Length + 2;
        var recording = new NeuralRecording();

        await engine.SynthesizeAsync(Request(engine, "af_heart", rate, "Speed test."), recording, CancellationToken.None);

        Assert.Equal(FixtureModels.StyleBlock + tokens * samplesPerToken, recording.Samples.Length);
        Assert.Equal(new RateRange(0.5f, 2f), engine.Voices[0].RateRange);
    }

    [Fact]
    public async Task An_export_with_input_ids_and_an_int32_speed_works_and_leaves_tempo_to_the_stretcher()
    {
        using var store = new FixtureStore().WithKokoro(KokoroExport.InputIds);
        using var engine = KokoroFixture.Open(store);
        var expected = Assert.Single(engine.Tokenize("Other export.", KokoroLanguage.Of("af_heart")!));
        var recording = new NeuralRecording();

        await engine.SynthesizeAsync(Request(engine, "af_heart", 1.7f, "Other export."), recording, CancellationToken.None);

        Assert.Equal([0L, .. expected, 0L], KokoroFixture.DecodeTokens(recording.Samples, 8));
        Assert.Equal(new RateRange(1f, 1f), engine.Voices[0].RateRange);
    }

    [Fact]
    public async Task The_style_is_the_voice_row_for_the_chunks_token_count()
    {
        using var store = new FixtureStore().WithKokoro();
        WriteRampVoice(store, "af_ramp");
        using var engine = KokoroFixture.Open(store);
        var language = KokoroLanguage.Of("af_ramp")!;
        foreach (var text in new[] { "Hi.", "A somewhat longer sentence, with a clause in it." })
        {
            var count = Assert.Single(engine.Tokenize(text, language)).Length;
            var recording = new NeuralRecording();
            await engine.SynthesizeAsync(Request(engine, "af_ramp", 1f, text), recording, CancellationToken.None);
            Assert.Equal(0.1 + count / 1000.0, FixtureModels.Value(recording.Samples[100]), 3);
        }
    }

    [Fact]
    public async Task A_segment_longer_than_510_tokens_is_spoken_as_several_chunks_each_within_the_limit_and_with_its_own_style_row()
    {
        using var store = new FixtureStore().WithKokoro();
        WriteRampVoice(store, "af_ramp");
        using var engine = KokoroFixture.Open(store);
        var text = string.Join(" ", Enumerable.Repeat("The quick brown fox jumps over the lazy dog, and then it runs away;", 20));
        var chunks = engine.Tokenize(text, KokoroLanguage.Of("af_ramp")!);
        var recording = new NeuralRecording();

        await engine.SynthesizeAsync(Request(engine, "af_ramp", 1f, text), recording, CancellationToken.None);

        Assert.True(chunks.Count >= 3, $"{chunks.Count} chunks");
        Assert.All(chunks, c => Assert.InRange(c.Length, 1, KokoroTokenizer.MaxTokens));
        Assert.Equal(chunks.Count, recording.Writes.Count);
        Assert.Equal(chunks.Select(c => FixtureModels.StyleBlock + (c.Length + 2) * 8), recording.Writes);
        var offset = 0;
        for (var i = 0; i < chunks.Count; i++)
        {
            // Past the fade-in (120 samples at a join), the style block says which row was used.
            Assert.Equal(0.1 + Math.Min(chunks[i].Length, 509) / 1000.0, FixtureModels.Value(recording.Samples[offset + 200]), 3);
            offset += recording.Writes[i];
        }

        Assert.Equal([0], recording.SegmentEnds);
    }

    [Fact]
    public async Task Segments_are_spoken_in_order_and_each_end_is_reported()
    {
        using var store = new FixtureStore().WithKokoro();
        using var engine = KokoroFixture.Open(store);
        string[] segments = ["One.", "Two, three.", "Four!"];
        var recording = new NeuralRecording();

        await engine.SynthesizeAsync(Request(engine, "af_heart", 1f, segments), recording, CancellationToken.None);

        Assert.Equal([0, 1, 2], recording.SegmentEnds);
        var expected = segments.Select(s => FixtureModels.StyleBlock + (Assert.Single(engine.Tokenize(s, KokoroLanguage.Of("af_heart")!)).Length + 2) * 8);
        Assert.Equal(expected, recording.Writes);
    }

    [Fact]
    public async Task A_blended_voice_is_accepted_and_speaks()
    {
        using var store = new FixtureStore().WithKokoro();
        using var engine = KokoroFixture.Open(store);
        var voice = engine.FindVoice("af_bella(2)+af_sky(1)");
        Assert.NotNull(voice);
        Assert.Equal("en-US", voice.Language);
        Assert.Null(engine.FindVoice("af_bella+nobody"));
        Assert.Null(engine.FindVoice("af_bella(-1)"));
        var recording = new NeuralRecording();

        await engine.SynthesizeAsync(new SynthesisRequest(voice, ["Blend."], Prosody.Neutral), recording, CancellationToken.None);

        Assert.NotEmpty(recording.Samples);
    }

    [Fact]
    public async Task Cancellation_stops_synthesis_with_OperationCanceledException()
    {
        using var store = new FixtureStore().WithKokoro();
        using var engine = KokoroFixture.Open(store);
        using var cancel = new CancellationTokenSource();
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            engine.SynthesizeAsync(Request(engine, "af_heart", 1f, "Never spoken."), new NeuralRecording(), cancel.Token));
    }

    [Fact]
    public void All_54_voices_are_listed_with_language_and_gender_from_their_names()
    {
        using var store = new FixtureStore().WithKokoro();
        using var engine = KokoroFixture.Open(store);

        Assert.Equal(54, engine.Voices.Count);
        var heart = Assert.Single(engine.Voices, v => v.NativeName == "af_heart");
        Assert.Equal(("en-US", VoiceGender.Female, 24000), (heart.Language, heart.Gender, heart.SampleRate));
        var fable = Assert.Single(engine.Voices, v => v.NativeName == "bm_fable");
        Assert.Equal(("en-GB", VoiceGender.Male), (fable.Language, fable.Gender));
        Assert.Equal("ja", Assert.Single(engine.Voices, v => v.NativeName == "jf_alpha").Language);
        Assert.Equal("zh", Assert.Single(engine.Voices, v => v.NativeName == "zm_yunxi").Language);
    }

    [Fact]
    public async Task Voices_packed_in_voices_v1_0_bin_are_found_by_the_scanner_and_speak()
    {
        using var store = new FixtureStore().WithKokoro(npzVoices: true);
        Assert.False(Directory.Exists(Path.Combine(store.KokoroDirectory, "voices")));
        using var engine = KokoroFixture.Open(store);
        var recording = new NeuralRecording();

        await engine.SynthesizeAsync(Request(engine, "jf_alpha", 1f, "こんにちは。"), recording, CancellationToken.None);

        Assert.Equal(54, engine.Voices.Count);
        Assert.Equal([0L, .. Assert.Single(engine.Tokenize("こんにちは。", KokoroLanguage.Of("jf_alpha")!)), 0L], KokoroFixture.DecodeTokens(recording.Samples, 8));
    }

    [Fact]
    public async Task Concurrent_requests_share_one_session_and_each_gets_exactly_its_own_audio()
    {
        using var store = new FixtureStore().WithKokoro();
        using var engine = KokoroFixture.Open(store);
        string[] texts = ["First request.", "A second, longer request with more words.", "Third!", "Number four speaks now.", "Five.", "Six, the last one."];
        var expected = texts.Select(t => Assert.Single(engine.Tokenize(t, KokoroLanguage.Of("af_heart")!))).ToArray();

        var recordings = await Task.WhenAll(Enumerable.Range(0, 24).Select(async i =>
        {
            var recording = new NeuralRecording();
            await engine.SynthesizeAsync(Request(engine, "af_heart", 1f, texts[i % texts.Length]), recording, CancellationToken.None);
            return recording;
        }));

        for (var i = 0; i < recordings.Length; i++)
        {
            Assert.Equal([0L, .. expected[i % texts.Length], 0L], KokoroFixture.DecodeTokens(recordings[i].Samples, 8));
        }
    }

    [Fact]
    public void A_disabled_engine_is_not_opened_even_when_its_files_are_there()
    {
        using var store = new FixtureStore().WithKokoro().WithPiper("en_US-x-low", multiSpeaker: false);
        var problems = new List<(string, string)>();

        var engines = new Orator.Engines.Neural.NeuralModelScanner(new Orator.Models.Store.ModelStoreLayout(store.Root), KokoroFixture.Phonemizer, disabledEngines: new HashSet<string> { "kokoro" }).Open(problems);

        Assert.Equal(["piper"], engines.Select(e => e.Id));
    }

    [Fact]
    public void A_configured_variant_is_used_and_a_missing_one_means_no_kokoro()
    {
        using var store = new FixtureStore().WithKokoro(fileName: "kokoro-v1.0.int8.onnx");
        var layout = new Orator.Models.Store.ModelStoreLayout(store.Root);
        var int8 = layout.KokoroModelPath(Orator.Models.Store.KokoroVariant.Int8);

        Assert.Equal(int8, new Orator.Engines.Neural.NeuralModelScanner(layout, KokoroFixture.Phonemizer).KokoroModelPath());
        Assert.Null(new Orator.Engines.Neural.NeuralModelScanner(layout, KokoroFixture.Phonemizer, kokoroVariant: "fp16").KokoroModelPath());
        Assert.Equal(int8, new Orator.Engines.Neural.NeuralModelScanner(layout, KokoroFixture.Phonemizer, kokoroVariant: "INT8").KokoroModelPath());
        Assert.Throws<ArgumentException>(() => new Orator.Engines.Neural.NeuralModelScanner(layout, KokoroFixture.Phonemizer, kokoroVariant: "q4").KokoroModelPath());
    }

    /// <summary>Adds a voice file (to a copy of the voices folder) whose row r is all 0.1 + r / 1000.</summary>
    internal static void WriteRampVoice(FixtureStore store, string name)
    {
        var voices = Path.Combine(store.KokoroDirectory, "voices");
        Directory.Delete(voices);
        Directory.CreateDirectory(voices);
        foreach (var file in Directory.EnumerateFiles(FixtureStore.SharedVoices, "af_*.bin"))
        {
            File.Copy(file, Path.Combine(voices, Path.GetFileName(file)));
        }

        var values = new float[KokoroVoicePack.Rows * KokoroVoicePack.StyleSize];
        for (var r = 0; r < KokoroVoicePack.Rows; r++)
        {
            values.AsSpan(r * KokoroVoicePack.StyleSize, KokoroVoicePack.StyleSize).Fill(0.1f + r / 1000f);
        }

        File.WriteAllBytes(Path.Combine(voices, name + ".bin"), System.Runtime.InteropServices.MemoryMarshal.AsBytes(values.AsSpan()).ToArray());
    }
}
