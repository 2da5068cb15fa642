using Orator.Core.Audio;
using Orator.Core.Engines;
using Orator.Engines.Neural.Kokoro;
using Orator.Engines.Tests.Support;
using Orator.Engines.Words;
using Orator.Testing.NeuralFixtures;

namespace Orator.Engines.Tests.Neural;

/// <summary>
/// Kokoro graphs that give their durations place words exactly where the model put their tokens'
/// audio (FixtureModels.KokoroWithDurations: token t of a chunk starts at 600 x (1 + t x k) of its
/// output), across chunks, trims and speeds; where counts do not line up, the chunk is spread.
/// </summary>
public sealed class KokoroDurationWordTests
{
    private const int Frame = FixtureModels.FrameSamples;

    private static readonly string[] Segments = ["Hello there, my friend.", "A good cake sells fast!", "Why?"];

    private static readonly KokoroVocabulary Vocabulary = KokoroVocabulary.Load(null);

    private static readonly KokoroLanguage English = KokoroLanguage.Of("af_heart")!;

    // A segment of 14 sentences: about 750 tokens, so two chunks.
    private static readonly string Long = string.Join(' ', Enumerable.Repeat("The quick brown fox jumps over the lazy dog.", 14));

    [Theory]
    [InlineData(true)]  // hexgrad's export: input_ids, int32 speed, duration int64 [T]
    [InlineData(false)] // float durations [1, T] before rounding, float speed
    public async Task Words_start_and_end_on_the_samples_where_the_model_put_their_tokens(bool hexgradExport)
    {
        using var store = hexgradExport
            ? new FixtureStore().WithTimedKokoro(KokoroExport.InputIds, KokoroDurations.Int64)
            : new FixtureStore().WithTimedKokoro(KokoroExport.Tokens, KokoroDurations.Float);
        var phonemizer = new LetterPhonemizer();
        using var engine = KokoroFixture.Open(store, phonemizer);
        var recording = new StreamRecording();

        await engine.SynthesizeAsync(Request(engine, 1f, Segments), recording, CancellationToken.None);

        var words = BySegment(recording);
        var segmentStart = 0L;
        var write = 0;
        for (var s = 0; s < Segments.Length; s++)
        {
            var chunks = engine.Tokenize(Segments[s], English);
            Assert.All(words[s], w => Assert.False(w.Approximate));
            AssertWellFormed(Segments[s], words[s], recording, s);
            Assert.Equal(Expected(chunks, recording.Writes.Skip(write).Take(chunks.Count).ToList(), 1), words[s].Select(w => (w.StartSample, w.EndSample)));
            AssertOnTokenEdges(recording.Samples.AsSpan((int)segmentStart), words[s]);
            segmentStart += recording.Writes.Skip(write).Take(chunks.Count).Sum();
            write += chunks.Count;
        }
    }

    [Fact]
    public async Task A_segment_of_several_chunks_places_every_chunks_words_exactly()
    {
        using var store = new FixtureStore().WithTimedKokoro(KokoroExport.InputIds, KokoroDurations.Int64);
        using var engine = KokoroFixture.Open(store, new LetterPhonemizer());
        var chunks = engine.Tokenize(Long, English);
        var recording = new StreamRecording();

        await engine.SynthesizeAsync(Request(engine, 1f, Long), recording, CancellationToken.None);

        Assert.True(chunks.Count >= 2, $"{chunks.Count} chunk(s)");
        var words = Assert.Single(BySegment(recording));
        Assert.All(words, w => Assert.False(w.Approximate));
        AssertWellFormed(Long, words, recording, 0);
        Assert.Equal(Expected(chunks, recording.Writes, 1), words.Select(w => (w.StartSample, w.EndSample)));
        AssertOnTokenEdges(recording.Samples, words);
    }

    [Theory]
    [InlineData(1f, 2)]
    [InlineData(2f, 1)]
    [InlineData(0.5f, 4)]
    public async Task The_durations_carry_the_speed_and_the_words_follow_it(float speed, int framesPerToken)
    {
        // The fixture's tokens last ceil(2 / speed) frames, as the real model divides its durations by the speed.
        using var store = new FixtureStore().WithTimedKokoro(KokoroExport.Tokens, KokoroDurations.Float, framesPerToken: 2);
        using var engine = KokoroFixture.Open(store, new LetterPhonemizer());
        var chunks = engine.Tokenize(Segments[0], English);
        var recording = new StreamRecording();

        await engine.SynthesizeAsync(Request(engine, speed, Segments[0]), recording, CancellationToken.None);

        var words = Assert.Single(BySegment(recording));
        Assert.All(words, w => Assert.False(w.Approximate));
        Assert.Equal(Expected(chunks, recording.Writes, framesPerToken), words.Select(w => (w.StartSample, w.EndSample)));
        // "Hello": a stress mark and five letters, six tokens of k frames.
        Assert.Equal(6 * framesPerToken * Frame, words[0].EndSample - words[0].StartSample);
        AssertOnTokenEdges(recording.Samples, words);
    }

    [Fact]
    public async Task Real_espeak_phonemes_give_exact_words_on_token_edges()
    {
        using var store = new FixtureStore().WithTimedKokoro(KokoroExport.InputIds, KokoroDurations.Int64);
        using var engine = KokoroFixture.Open(store);
        var recording = new StreamRecording();

        // espeak-ng says each of these words alone with the sounds it has in the sentence.
        await engine.SynthesizeAsync(Request(engine, 1f, Segments[0]), recording, CancellationToken.None);

        var words = Assert.Single(BySegment(recording));
        Assert.All(words, w => Assert.False(w.Approximate));
        AssertWellFormed(Segments[0], words, recording, 0);
        AssertOnTokenEdges(recording.Samples, words);
    }

    [Fact]
    public async Task A_word_said_otherwise_in_context_leaves_its_segment_spread_and_approximate()
    {
        using var store = new FixtureStore().WithTimedKokoro(KokoroExport.InputIds, KokoroDurations.Int64);
        using var engine = KokoroFixture.Open(store, new LetterPhonemizer("there"));
        var recording = new StreamRecording();

        await engine.SynthesizeAsync(Request(engine, 1f, Segments), recording, CancellationToken.None);

        var words = BySegment(recording);
        Assert.All(words[0], w => Assert.True(w.Approximate));
        AssertWellFormed(Segments[0], words[0], recording, 0);
        Assert.All(words[1].Concat(words[2]), w => Assert.False(w.Approximate));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Only_the_chunk_whose_counts_do_not_line_up_is_spread(bool inFirstChunk)
    {
        using var store = new FixtureStore().WithTimedKokoro(KokoroExport.InputIds, KokoroDurations.Int64);
        var text = inFirstChunk ? "My colour is blue. " + Long : Long + " My colour is blue.";
        using var engine = KokoroFixture.Open(store, new LetterPhonemizer("colour"));
        var chunks = engine.Tokenize(text, English);
        var recording = new StreamRecording();

        await engine.SynthesizeAsync(Request(engine, 1f, text), recording, CancellationToken.None);

        Assert.Equal(2, chunks.Count);
        var words = Assert.Single(BySegment(recording));
        AssertWellFormed(text, words, recording, 0);
        var matched = inFirstChunk ? 1 : 0;
        var count = Runs(chunks[matched]).Count;
        var exact = inFirstChunk ? words.TakeLast(count).ToList() : [.. words.Take(count)];
        var spread = inFirstChunk ? words.Take(words.Count - count) : words.Skip(count);
        Assert.All(spread, w => Assert.True(w.Approximate));
        Assert.All(exact, w => Assert.False(w.Approximate));
        var offset = inFirstChunk ? recording.Writes[0] : 0;
        var expected = Expected([chunks[matched]], [recording.Writes[matched]], 1).Select(e => (e.Start + offset, e.End + offset));
        Assert.Equal(expected, exact.Select(w => (w.StartSample, w.EndSample)));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Without_words_asked_for_the_audio_is_the_same_and_no_words_come(bool withDurations)
    {
        using var store = new FixtureStore().WithTimedKokoro(KokoroExport.InputIds, withDurations ? KokoroDurations.Int64 : KokoroDurations.None);
        using var engine = KokoroFixture.Open(store, new LetterPhonemizer());
        var plain = new StreamRecording();
        var withWords = new StreamRecording();

        await engine.SynthesizeAsync(Request(engine, 1f, Segments) with { Words = false }, plain, CancellationToken.None);
        await engine.SynthesizeAsync(Request(engine, 1f, Segments), withWords, CancellationToken.None);

        Assert.Empty(plain.Words);
        Assert.Equal(plain.Samples, withWords.Samples);
    }

    [Fact]
    public async Task A_graph_without_a_durations_output_gives_approximate_words()
    {
        using var store = new FixtureStore().WithTimedKokoro(KokoroExport.InputIds, KokoroDurations.None);
        using var engine = KokoroFixture.Open(store, new LetterPhonemizer());
        var recording = new StreamRecording();

        await engine.SynthesizeAsync(Request(engine, 1f, Segments), recording, CancellationToken.None);

        var words = BySegment(recording);
        Assert.All(words.SelectMany(w => w), w => Assert.True(w.Approximate));
        for (var s = 0; s < Segments.Length; s++)
        {
            AssertWellFormed(Segments[s], words[s], recording, s);
        }
    }

    private static SynthesisRequest Request(KokoroEngine engine, float rate, params string[] segments) =>
        new(engine.FindVoice("af_heart")!, segments, new Prosody(rate, 1f)) { Words = true };

    /// <summary>
    /// Where the fixture put each word of <paramref name="chunks"/> (runs of non-boundary tokens), in
    /// samples from the segment's start: token t at 600 x (1 + t x k) of its chunk's output, less
    /// what the trim cut before it: the silent frames at both ends less the 10 ms margin each keeps.
    /// </summary>
    private static List<(long Start, long End)> Expected(List<long[]> chunks, List<int> writes, int k)
    {
        var expected = new List<(long, long)>();
        long offset = 0;
        for (var c = 0; c < chunks.Count; c++)
        {
            var output = Frame * (2 + (chunks[c].Length + 2) * k);
            Assert.Equal(2 * (Frame - 240), output - writes[c]);
            var trim = Frame - 240;
            foreach (var (first, end) in Runs(chunks[c]))
            {
                expected.Add((offset + Frame * (1 + (first + 1) * k) - trim, offset + Frame * (1 + (end + 1) * k) - trim));
            }

            offset += writes[c];
        }

        return expected;
    }

    /// <summary>The runs of tokens between spaces and punctuation: [first, end) in the chunk's ids.</summary>
    private static List<(int First, int End)> Runs(long[] ids)
    {
        var runs = new List<(int, int)>();
        for (var i = 0; i < ids.Length; i++)
        {
            if (IsBoundary(ids[i]))
            {
                continue;
            }

            var first = i;
            while (i < ids.Length && !IsBoundary(ids[i]))
            {
                i++;
            }

            runs.Add((first, i));
        }

        return runs;
    }

    private static bool IsBoundary(long id) => id == 0 || " ,.!?;:".Any(c => Vocabulary.IdOf(c) == id);

    /// <summary>Independent of the model's arithmetic: a word's first and last samples decode to its tokens, the samples around it to a space, a mark or a pad.</summary>
    private static void AssertOnTokenEdges(ReadOnlySpan<short> samples, IReadOnlyList<WordTiming> words)
    {
        foreach (var word in words)
        {
            Assert.False(IsBoundary(FixtureModels.Decode(samples[(int)word.StartSample])), $"the word at {word.StartSample} starts on a boundary token");
            Assert.False(IsBoundary(FixtureModels.Decode(samples[(int)word.EndSample - 1])), $"the word ending at {word.EndSample} ends on a boundary token");
            Assert.True(IsBoundary(FixtureModels.Decode(samples[(int)word.StartSample - 1])), $"the word at {word.StartSample} starts inside a token run");
            Assert.True(IsBoundary(FixtureModels.Decode(samples[(int)word.EndSample])), $"the word ending at {word.EndSample} ends inside a token run");
        }
    }

    private static void AssertWellFormed(string text, IReadOnlyList<WordTiming> words, StreamRecording recording, int segment)
    {
        var samples = recording.Events.First(e => e.Word is null && e.Segment == segment).SegmentSamplesBefore;
        WordChecks.AreWellFormed(text, [.. WordTokens.Split(text).Select(w => text.Substring(w.Offset, w.Length))], words, samples);
    }

    private static List<List<WordTiming>> BySegment(StreamRecording recording)
    {
        var segments = new List<List<WordTiming>>();
        var current = new List<WordTiming>();
        foreach (var (word, _, _) in recording.Events)
        {
            if (word is { } timing)
            {
                current.Add(timing);
            }
            else
            {
                segments.Add(current);
                current = [];
            }
        }

        return segments;
    }
}
