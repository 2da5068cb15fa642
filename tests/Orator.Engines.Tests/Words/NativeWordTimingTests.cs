using Orator.Core.Engines;
using Orator.Engines.Native;
using Orator.Engines.Tests.Support;

namespace Orator.Engines.Tests.Words;

[Collection(NativeEnginesGroup.Name)]
public sealed class NativeWordTimingTests(NativeEngines engines)
{
    public static TheoryData<string, string, string, string[]> Sentences => new()
    {
        { "flite", "slt", "The quick brown fox jumps over the lazy dog.", ["The", "quick", "brown", "fox", "jumps", "over", "the", "lazy", "dog"] },
        { "flite", "kal", "Well, (honestly) \"I\" don't know; twenty-one dollars!", ["Well", "honestly", "I", "don't", "know", "twenty-one", "dollars"] },
        { "flite", "awb", "It costs forty two pounds - or so.", ["It", "costs", "forty", "two", "pounds", "or", "so"] },
        { "flite", "rms", "A well-known café in São Paulo.", ["A", "well-known", "café", "in", "São", "Paulo"] },
        { "flite", "slt", "Hello there. Bye.", ["Hello", "there", "Bye"] },
        { "flite", "kal", "Hi there. Go. Goodbye.", ["Hi", "there", "Go", "Goodbye"] },
        { "espeak", "en-us", "Hello there. Bye.", ["Hello", "there", "Bye"] },
        { "espeak", "en-us", "The quick brown fox jumps over the lazy dog.", ["The", "quick", "brown", "fox", "jumps", "over", "the", "lazy", "dog"] },
        { "espeak", "en-us", "Well, (honestly) \"I\" don't know; twenty-one dollars!", ["Well", "honestly", "I", "don't", "know", "twenty-one", "dollars"] },
        { "espeak", "de", "Über naïve Grüße, schön!", ["Über", "naïve", "Grüße", "schön"] },
        { "espeak", "fr-fr", "L'été à Paris, c'est très beau.", ["L'été", "à", "Paris", "c'est", "très", "beau"] },
    };

    [Theory]
    [MemberData(nameof(Sentences))]
    public void Every_word_of_the_text_is_reported_once_in_order_within_the_audio(string engine, string voice, string text, string[] expected)
    {
        var recording = WordRecording.Of(Engine(engine), voice, text);

        WordChecks.AreWellFormed(text, expected, recording.Words, recording.SampleCount);
        Assert.All(recording.Words, word => Assert.False(word.Approximate));
        Assert.All(recording.Words, word => Assert.Equal(0, word.Segment));
    }

    [Theory]
    [MemberData(nameof(Sentences))]
    public void Each_word_arrives_before_the_audio_that_holds_its_start(string engine, string voice, string text, string[] expected)
    {
        var recording = WordRecording.Of(Engine(engine), voice, text);

        Assert.Equal(expected.Length, recording.Words.Count);
        for (var i = 0; i < recording.Words.Count; i++)
        {
            Assert.True(recording.ArrivedAt[i] <= recording.Words[i].StartSample, $"'{expected[i]}' came after {recording.ArrivedAt[i]} samples, it starts at {recording.Words[i].StartSample}");
        }
    }

    [Theory]
    [MemberData(nameof(Sentences))]
    public void Asking_for_words_leaves_the_audio_byte_for_byte_the_same(string engine, string voice, string text, string[] expected)
    {
        var plain = PcmRecording.Of(Engine(engine), voice, text);
        var withWords = WordRecording.Of(Engine(engine), voice, text);

        Assert.NotEmpty(expected);
        Assert.Equal(plain.Samples, withWords.Samples);
    }

    [Theory]
    [InlineData("flite", "slt")]
    [InlineData("flite", "kal16")]
    [InlineData("flite", "kal")]
    [InlineData("espeak", "en-us")]
    [InlineData("espeak", "en-gb")]
    public void Words_after_pauses_start_where_the_sound_starts_again(string engine, string voice)
    {
        const string Text = "One. Two. Three.";
        var recording = WordRecording.Of(Engine(engine), voice, Text);
        var rate = Engine(engine).Voices.Single(v => v.NativeName == voice).SampleRate;

        WordChecks.AreWellFormed(Text, ["One", "Two", "Three"], recording.Words, recording.SampleCount);
        var onsets = WordChecks.Onsets(recording.Samples, minimumGap: rate / 10);
        Assert.InRange(onsets.Count, 3, 4); // a diphone voice's "Two" may have a long closure gap
        for (var i = 0; i < 3; i++)
        {
            // Sound comes back at most 20 ms before and 100 ms after the word's start: a stop's
            // closure ("Two", 85 ms in the diphone voices) is quiet but spoken. Nothing of the next word is in this one.
            var word = recording.Words[i];
            Assert.True(onsets.Exists(onset => onset >= word.StartSample - (rate * 20 / 1000) && onset <= word.StartSample + (rate * 100 / 1000)), $"no onset near word {i} at {word.StartSample}: words {string.Join(", ", recording.Words.Select(w => $"{w.StartSample}-{w.EndSample}"))}, onsets {string.Join(", ", onsets)}");
            Assert.True(i == 2 || word.EndSample <= recording.Words[i + 1].StartSample, $"word {i} runs into the next one");
        }
    }

    [Theory]
    [InlineData("flite", "slt")]
    [InlineData("espeak", "en-us")]
    public void Slower_speech_gives_proportionally_later_words(string engine, string voice)
    {
        const string Text = "The quick brown fox jumps over the lazy dog.";
        var normal = WordRecording.Of(Engine(engine), voice, Text);
        var slow = WordRecording.Of(Engine(engine), voice, Text, new Prosody(0.5f, 1f));

        var lastNormal = normal.Words[^1];
        var lastSlow = slow.Words[^1];
        Assert.InRange((double)lastSlow.StartSample / lastNormal.StartSample, 1.6, 2.4);
        Assert.InRange(lastSlow.EndSample, 0, slow.SampleCount);
    }

    private INativeSynthesizer Engine(string engine) => engine == "flite" ? engines.Flite : engines.Espeak;
}
