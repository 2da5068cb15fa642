using Orator.Core.Engines;
using Orator.Engines.Neural;
using Orator.Engines.Neural.Piper;
using Orator.Engines.Tests.Support;
using Orator.Engines.Words;
using Orator.Models.Store;
using Orator.Testing.NeuralFixtures;

namespace Orator.Engines.Tests.Neural;

/// <summary>Kokoro and Piper spread each segment's audio over its words by phoneme counts.</summary>
public sealed class NeuralWordTimingTests
{
    private static readonly string[] Segments =
    [
        "Hello there, my friend.",
        "A well-known café sells twenty-one \"fancy\" cakes!",
        "Why?",
    ];

    [Fact]
    public async Task Kokoro_estimates_cover_every_word_in_order_within_each_segments_audio()
    {
        using var store = new FixtureStore().WithKokoro();
        using var engine = KokoroFixture.Open(store);
        var request = new SynthesisRequest(engine.FindVoice("af_heart")!, Segments, Prosody.Neutral) { Words = true };
        var recording = new StreamRecording();

        await engine.SynthesizeAsync(request, recording, CancellationToken.None);

        AssertEstimates(recording);
    }

    [Fact]
    public async Task Piper_estimates_cover_every_word_in_order_within_each_segments_audio()
    {
        using var store = new FixtureStore().WithPiper("en_US-test-low", multiSpeaker: false);
        var engine = OpenPiper(store);
        var request = new SynthesisRequest(engine.FindVoice("en_US-test-low")!, Segments, Prosody.Neutral) { Words = true };
        var recording = new StreamRecording();

        await engine.SynthesizeAsync(request, recording, CancellationToken.None);

        AssertEstimates(recording);
    }

    [Fact]
    public async Task Kokoro_without_words_asked_for_reports_none_and_writes_the_same_audio()
    {
        using var store = new FixtureStore().WithKokoro();
        using var engine = KokoroFixture.Open(store);
        var voice = engine.FindVoice("af_heart")!;
        var plain = new StreamRecording();
        var withWords = new StreamRecording();

        await engine.SynthesizeAsync(new SynthesisRequest(voice, Segments, Prosody.Neutral), plain, CancellationToken.None);
        await engine.SynthesizeAsync(new SynthesisRequest(voice, Segments, Prosody.Neutral) { Words = true }, withWords, CancellationToken.None);

        Assert.Empty(plain.Words);
        Assert.Equal(plain.Samples, withWords.Samples);
    }

    [Fact]
    public async Task A_longer_word_gets_a_longer_share_of_the_audio()
    {
        using var store = new FixtureStore().WithKokoro();
        using var engine = KokoroFixture.Open(store);
        var request = new SynthesisRequest(engine.FindVoice("af_heart")!, ["I understand extraordinarily."], Prosody.Neutral) { Words = true };
        var recording = new StreamRecording();

        await engine.SynthesizeAsync(request, recording, CancellationToken.None);

        var words = recording.Words.ToList();
        Assert.Equal(3, words.Count);
        Assert.True(words[2].EndSample - words[2].StartSample > 2 * (words[0].EndSample - words[0].StartSample));
    }

    private static void AssertEstimates(StreamRecording recording)
    {
        var segment = 0;
        var words = new List<Core.Audio.WordTiming>();
        foreach (var (word, at, before) in recording.Events)
        {
            if (word is { } timing)
            {
                Assert.Equal(segment, timing.Segment);
                Assert.True(timing.Approximate);
                Assert.True(before <= timing.StartSample);
                words.Add(timing);
                continue;
            }

            Assert.Equal(segment, at);
            var text = Segments[segment];
            var expected = WordTokens.Split(text).Select(w => text.Substring(w.Offset, w.Length)).ToArray();
            WordChecks.AreWellFormed(text, expected, words, before);
            words.Clear();
            segment++;
        }

        Assert.Equal(Segments.Length, segment);
    }

    private static PiperEngine OpenPiper(FixtureStore store)
    {
        var problems = new List<(string, string)>();
        var engines = new NeuralModelScanner(new ModelStoreLayout(store.Root), KokoroFixture.Phonemizer).Open(problems);
        Assert.Empty(problems);
        return Assert.IsType<PiperEngine>(Assert.Single(engines));
    }
}
