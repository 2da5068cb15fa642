using Orator.Core.Audio;
using Microsoft.Extensions.Logging.Abstractions;
using Orator.Core.Engines;
using Orator.Engines.Tests.Support;
using Orator.Engines.Workers;
using Orator.Engines.Words;

namespace Orator.Engines.Tests.Workers;

/// <summary>Word timings through real worker processes: the Word frame, its order, and look-ahead windows.</summary>
public sealed class WorkerWordTimingTests : IAsyncLifetime
{
    private static readonly string[] Segments =
    [
        "First, the kettle boils.",
        "Then someone's well-known tea is poured.",
        "Nobody says a word.",
        "Twenty-one biscuits vanish.",
        "The end, at last!",
        "Goodbye.",
    ];

    private EngineWorkerPool _pool = null!;

    public async Task InitializeAsync() => _pool = await EngineWorkerPool.StartAsync(3, [], NullLogger.Instance, CancellationToken.None);

    public async Task DisposeAsync() => await _pool.DisposeAsync();

    [Theory]
    [InlineData("flite", "slt")]
    [InlineData("espeak", "en-us")]
    public async Task A_multi_segment_request_gets_every_word_of_every_segment_in_stream_order(string engine, string voice)
    {
        var speech = Engine(engine);
        var request = new SynthesisRequest(speech.Voices.Single(v => v.NativeName == voice), Segments, Prosody.Neutral) { Words = true };

        // Look-ahead needs idle workers at the right moment: on a loaded machine, try a few times.
        StreamRecording recording;
        var aheadBefore = speech.WindowsRenderedAhead;
        var attempts = 0;
        do
        {
            recording = new StreamRecording();
            await speech.SynthesizeAsync(request, recording, CancellationToken.None);
            AssertStreamOrder(recording);
        }
        while (speech.WindowsRenderedAhead == aheadBefore && ++attempts < 5);

        Assert.True(speech.WindowsRenderedAhead > aheadBefore, "no window rendered ahead: the replay path was not exercised");
    }

    [Theory]
    [InlineData("flite", "kal16")]
    [InlineData("espeak", "de")]
    public async Task Asking_for_words_leaves_the_audio_of_a_request_unchanged(string engine, string voice)
    {
        var speech = Engine(engine);
        var spoken = speech.Voices.Single(v => v.NativeName == voice);
        var plain = new PlainRecording();
        var withWords = new StreamRecording();

        await speech.SynthesizeAsync(new SynthesisRequest(spoken, Segments, Prosody.Neutral), plain, CancellationToken.None);
        await speech.SynthesizeAsync(new SynthesisRequest(spoken, Segments, Prosody.Neutral) { Words = true }, withWords, CancellationToken.None);

        Assert.Equal(plain.Samples, withWords.Samples);
        Assert.NotEmpty(withWords.Words);
    }

    [Fact]
    public async Task Without_words_asked_for_no_word_reaches_a_sink_that_could_take_them()
    {
        var speech = Engine("flite");
        var recording = new StreamRecording();

        await speech.SynthesizeAsync(new SynthesisRequest(speech.Voices[0], Segments, Prosody.Neutral), recording, CancellationToken.None);

        Assert.Empty(recording.Words);
        Assert.Equal(Enumerable.Range(0, Segments.Length), recording.Events.Select(e => e.Segment));
    }

    private static void AssertStreamOrder(StreamRecording recording)
    {
        var segment = 0;
        var words = new List<WordTiming>();
        foreach (var (word, at, before) in recording.Events)
        {
            if (word is not { } timing)
            {
                Assert.Equal(segment, at);
                var expected = WordTokens.Split(Segments[segment]).Select(w => Segments[segment].Substring(w.Offset, w.Length)).ToArray();
                WordChecks.AreWellFormed(Segments[segment], expected, words, before);
                words.Clear();
                segment++;
                continue;
            }

            Assert.Equal(segment, timing.Segment);
            Assert.True(before <= timing.StartSample, $"a word of segment {segment} starting at {timing.StartSample} came after {before} of its samples");
            words.Add(timing);
        }

        Assert.Equal(Segments.Length, segment);
    }

    private WorkerSpeechEngine Engine(string id) => _pool.CreateEngines().Single(e => e.Id == id);
}
