using Orator.Core.Audio;
using Orator.Core.Engines;
using Orator.Engines.Neural;
using Orator.Engines.Neural.Phonemes;
using Orator.Engines.Neural.Piper;
using Orator.Engines.Tests.Support;
using Orator.Engines.Words;
using Orator.Models.Store;
using Orator.Testing.NeuralFixtures;

namespace Orator.Engines.Tests.Neural;

/// <summary>
/// A Piper voice patched to expose its alignments (piper1-gpl's w_ceil) places words where the
/// model put their ids' audio (FixtureModels.PiperWithAlignment: id i at 256 x (1 + i x k)).
/// </summary>
public sealed class PiperDurationWordTests
{
    private const int Hop = FixtureModels.HopSamples;

    // What PcmChunk's trim cuts before the first id: the silent frame less the 10 ms margin at 16 kHz.
    private const int Trim = Hop - 160;

    private static readonly string[] Segments = ["Hello there, my friend.", "A good cake sells fast!", "Why?"];

    [Theory]
    [InlineData(1f, 2)]
    [InlineData(2f, 1)]
    [InlineData(0.5f, 4)]
    public async Task Words_start_and_end_on_the_samples_of_their_ids_at_every_speed(float speed, int framesPerId)
    {
        using var store = new FixtureStore().WithAlignedPiper("en_US-test-low", framesPerId: 2);
        var engine = Open(store, new LetterPhonemizer());
        var voice = Assert.Single(engine.Models);
        var recording = new StreamRecording();

        await engine.SynthesizeAsync(Request(engine, speed), recording, CancellationToken.None);

        var segmentStart = 0;
        for (var s = 0; s < Segments.Length; s++)
        {
            var ids = engine.Tokenize(voice, Segments[s]);
            var words = recording.Words.Where(w => w.Segment == s).ToList();
            var samples = recording.Writes[s];
            Assert.Equal(Hop * (2 + ids.Length * framesPerId) - 2 * Trim, samples);
            Assert.All(words, w => Assert.False(w.Approximate));
            WordChecks.AreWellFormed(Segments[s], [.. WordTokens.Split(Segments[s]).Select(w => Segments[s].Substring(w.Offset, w.Length))], words, samples);
            Assert.Equal(Expected(voice, ids, framesPerId), words.Select(w => (w.StartSample, w.EndSample)));
            var audio = recording.Samples.AsSpan(segmentStart, samples);
            foreach (var word in words)
            {
                Assert.False(IsBoundary(voice, FixtureModels.Decode(audio[(int)word.StartSample])));
                Assert.True(IsBoundary(voice, FixtureModels.Decode(audio[(int)word.StartSample - 1])));
            }

            segmentStart += samples;
        }
    }

    [Fact]
    public async Task A_word_said_otherwise_in_context_is_spread_and_approximate()
    {
        using var store = new FixtureStore().WithAlignedPiper("en_US-test-low");
        var engine = Open(store, new LetterPhonemizer("there"));
        var recording = new StreamRecording();

        await engine.SynthesizeAsync(Request(engine, 1f), recording, CancellationToken.None);

        Assert.All(recording.Words.Where(w => w.Segment == 0), w => Assert.True(w.Approximate));
        Assert.All(recording.Words.Where(w => w.Segment > 0), w => Assert.False(w.Approximate));
    }

    [Fact]
    public async Task Without_words_asked_for_the_aligned_voice_writes_the_same_audio()
    {
        using var store = new FixtureStore().WithAlignedPiper("en_US-test-low");
        var engine = Open(store, new LetterPhonemizer());
        var plain = new StreamRecording();
        var withWords = new StreamRecording();

        await engine.SynthesizeAsync(Request(engine, 1f) with { Words = false }, plain, CancellationToken.None);
        await engine.SynthesizeAsync(Request(engine, 1f), withWords, CancellationToken.None);

        Assert.Empty(plain.Words);
        Assert.Equal(plain.Samples, withWords.Samples);
    }

    /// <summary>Each word as a run of non-boundary phonemes: from its first id to past the pad after its last.</summary>
    private static List<(long, long)> Expected(PiperVoice voice, long[] ids, int k)
    {
        // Every phoneme of the test map has one id: ids are ^ _ p0 _ p1 _ ... $.
        var expected = new List<(long, long)>();
        for (var i = 2; i < ids.Length - 1; i += 2)
        {
            if (IsBoundary(voice, ids[i]))
            {
                continue;
            }

            var first = i;
            while (i < ids.Length - 1 && !IsBoundary(voice, ids[i]))
            {
                i += 2;
            }

            expected.Add((Hop * (1 + first * k) - Trim, Hop * (1 + i * k) - Trim));
            i -= 2;
        }

        return expected;
    }

    private static bool IsBoundary(PiperVoice voice, long id) =>
        "_^$ ,.!?;:".Any(c => voice.Config.PhonemeIds.TryGetValue(c.ToString(), out var ids) && ids[0] == id);

    private static SynthesisRequest Request(PiperEngine engine, float speed) =>
        new(engine.FindVoice("en_US-test-low")!, Segments, new Prosody(speed, 1f)) { Words = true };

    private static PiperEngine Open(FixtureStore store, IPhonemizer phonemizer)
    {
        var problems = new List<(string, string)>();
        var engines = new NeuralModelScanner(new ModelStoreLayout(store.Root), phonemizer).Open(problems);
        Assert.Empty(problems);
        return Assert.IsType<PiperEngine>(Assert.Single(engines));
    }
}
