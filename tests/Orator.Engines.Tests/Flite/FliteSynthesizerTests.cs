using System.Diagnostics;
using Orator.Core.Engines;
using Orator.Core.Errors;
using Orator.Engines.Flite;
using Orator.Engines.Tests.Support;

namespace Orator.Engines.Tests.Flite;

[Collection(NativeEnginesGroup.Name)]
public sealed class FliteSynthesizerTests(NativeEngines engines)
{
    /// <summary>Every Flite voice Debian ships.</summary>
    public static TheoryData<string> AllVoices => ["slt", "rms", "awb", "kal16", "kal"];

    private FliteSynthesizer Flite => engines.Flite;

    [Fact]
    public void Lists_the_five_flite_voices_with_the_sample_rates_they_really_produce()
    {
        var voices = Flite.Voices.ToDictionary(voice => voice.NativeName);

        Assert.Equal(["slt", "rms", "awb", "kal16", "kal"], Flite.Voices.Select(voice => voice.NativeName));
        Assert.All(Flite.Voices, voice => Assert.Equal("flite", voice.EngineId));
        Assert.Equal(VoiceGender.Female, voices["slt"].Gender);
        Assert.Equal(VoiceGender.Male, voices["rms"].Gender);
        Assert.Equal(16000, voices["slt"].SampleRate);
        Assert.Equal(16000, voices["rms"].SampleRate);
        Assert.Equal(16000, voices["awb"].SampleRate);
        Assert.Equal(16000, voices["kal16"].SampleRate);
        Assert.Equal(8000, voices["kal"].SampleRate);
        Assert.Equal("en-GB", voices["awb"].Language);
        Assert.All(Flite.Voices, voice => Assert.Equal(new RateRange(0.25f, 4f), voice.RateRange));
    }

    [Theory]
    [MemberData(nameof(AllVoices))]
    public void Speaks_a_ten_word_sentence_as_audible_speech_of_plausible_length(string voice)
    {
        var recording = PcmRecording.Of(Flite, voice, Texts.Sentence);

        var seconds = recording.Seconds(SampleRate(voice));
        Assert.InRange(seconds, 1.5, 6);
        Assert.True(PcmAnalysis.Rms(recording.Samples) > 300, "the audio should not be silent");
    }

    [Theory]
    [InlineData("slt", "Hello there. Bye.", "Hello there.")]
    [InlineData("kal", "Hi there. Go.", "Hi there.")]
    [InlineData("awb", "It is late. Goodbye.", "It is late.")]
    public void A_last_sentence_of_one_word_is_spoken(string voice, string text, string withoutIt)
    {
        // Flite's own token loop drops a last one-token sentence when the text ends right after it.
        var whole = PcmRecording.Of(Flite, voice, text).Seconds(SampleRate(voice));
        var shorter = PcmRecording.Of(Flite, voice, withoutIt).Seconds(SampleRate(voice));

        Assert.True(whole - shorter > 0.25, $"'{text}' lasts {whole:0.000} s, '{withoutIt}' {shorter:0.000} s: the last word is missing");
    }

    [Theory]
    [InlineData("slt")]
    [InlineData("kal16")]
    public void Streams_a_long_text_in_many_chunks(string voice)
    {
        var recording = PcmRecording.Of(Flite, voice, Texts.Long);

        Assert.True(recording.Chunks > 20, $"expected many chunks, got {recording.Chunks}");
        Assert.InRange(recording.Seconds(SampleRate(voice)), 30, 90);
    }

    [Theory]
    [MemberData(nameof(AllVoices))]
    public void Rate_two_halves_the_duration_and_rate_half_doubles_it(string voice)
    {
        var normal = Duration(voice, 1f);

        Assert.InRange(Duration(voice, 2f) / normal, 0.5 * 0.9, 0.5 * 1.1);
        Assert.InRange(Duration(voice, 0.5f) / normal, 2 * 0.9, 2 * 1.1);
    }

    [Theory]
    [MemberData(nameof(AllVoices))]
    public void The_extreme_rates_a_quarter_and_four_stay_within_twenty_percent(string voice)
    {
        var normal = Duration(voice, 1f);

        Assert.InRange(Duration(voice, 0.25f) / normal, 4 * 0.8, 4 * 1.2);
        Assert.InRange(Duration(voice, 4f) / normal, 0.25 * 0.8, 0.25 * 1.2);
    }

    [Theory]
    [MemberData(nameof(AllVoices))]
    public void Pitch_one_point_three_raises_the_measured_fundamental(string voice)
    {
        var normal = F0(voice, 1f);
        var raised = F0(voice, 1.3f);

        Assert.True(normal > 50, $"no pitch measured for {voice}");
        Assert.InRange(raised / normal, 1.15, 1.5);
    }

    [Theory]
    [InlineData("rms")]
    [InlineData("slt")]
    public void Pitch_below_one_lowers_the_measured_fundamental(string voice)
    {
        Assert.InRange(F0(voice, 0.8f) / F0(voice, 1f), 0.7, 0.9);
    }

    [Fact]
    public void Each_call_starts_from_the_voices_own_tempo_and_pitch()
    {
        var before = PcmRecording.Of(Flite, "kal16", Texts.Sentence);
        PcmRecording.Of(Flite, "kal16", Texts.Sentence, new Prosody(2.5f, 1.6f));
        var after = PcmRecording.Of(Flite, "kal16", Texts.Sentence);

        // kal16 is deterministic (diphone), so the same settings give the same samples.
        Assert.Equal(before.Samples, after.Samples);
    }

    [Theory]
    [InlineData("slt")]
    [InlineData("rms")]
    [InlineData("kal")]
    public void Returning_false_from_the_callback_stops_synthesis_early(string voice)
    {
        var full = PcmRecording.Of(Flite, voice, Texts.Long);

        var watch = Stopwatch.StartNew();
        var stopped = PcmRecording.Of(Flite, voice, Texts.Long, stopAfterChunks: 1);
        watch.Stop();

        Assert.Equal(1, stopped.Chunks);
        Assert.True(stopped.SampleCount < full.SampleCount / 10, $"{stopped.SampleCount} of {full.SampleCount} samples");
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"stopping took {watch.Elapsed}");

        var again = PcmRecording.Of(Flite, voice, Texts.Sentence);
        Assert.InRange(again.Seconds(SampleRate(voice)), 1.5, 6);
    }

    [Fact]
    public void An_exception_in_the_callback_stops_synthesis_and_reaches_the_caller()
    {
        var calls = 0;

        var thrown = Assert.Throws<InvalidTimeZoneException>(() => Flite.Synthesize("slt", Texts.Long, Prosody.Neutral, _ =>
        {
            calls++;
            throw new InvalidTimeZoneException("consumer failed");
        }));

        Assert.Equal("consumer failed", thrown.Message);
        Assert.Equal(1, calls);
    }

    [Fact]
    public void Synthesizing_again_from_inside_the_callback_is_refused()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Flite.Synthesize("kal16", Texts.Sentence, Prosody.Neutral, _ =>
        {
            PcmRecording.Of(Flite, "slt", "nested");
            return true;
        }));

        Assert.Contains("re-entrant", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Calls_from_two_threads_at_once_are_serialised_and_both_complete()
    {
        var expected = PcmRecording.Of(Flite, "kal16", Texts.Long).Samples;

        var first = Task.Run(() => PcmRecording.Of(Flite, "kal16", Texts.Long).Samples);
        var second = Task.Run(() => PcmRecording.Of(Flite, "kal16", Texts.Long).Samples);
        var results = await Task.WhenAll(first, second);

        Assert.Equal(expected, results[0]);
        Assert.Equal(expected, results[1]);
    }

    [Theory]
    [InlineData("nobody")]
    [InlineData("")]
    [InlineData("en-us")]
    public void Unknown_voice_names_throw_engine_unavailable(string voice)
    {
        var error = Assert.Throws<EngineUnavailableException>(() => PcmRecording.Of(Flite, voice, Texts.Sentence));

        Assert.Contains("slt", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Café naïve résumé — “quoted” ‘text’ … done.")]
    [InlineData("Emoji 😀🎉 and 日本語 and Ελληνικά and עברית then English.")]
    [InlineData("Null \0 bytes\u0001 and \uFFFF and a tab\there.")]
    [InlineData("Straße, Œuvre, Łódź, Þór, Ærø.")]
    public void Text_with_accents_emoji_and_control_characters_still_speaks(string text)
    {
        var recording = PcmRecording.Of(Flite, "slt", text);

        Assert.True(recording.SampleCount > 8000, "some English words should be spoken");
    }

    [Fact]
    public void Text_with_a_lone_surrogate_still_speaks()
    {
        var recording = PcmRecording.Of(Flite, "slt", "Broken " + (char)0xD800 + " surrogate " + (char)0xDC00 + " here.");

        Assert.True(recording.SampleCount > 8000);
    }

    [Fact]
    public void Text_without_anything_to_say_produces_no_audio()
    {
        var recording = PcmRecording.Of(Flite, "slt", "   \n\t  ");

        Assert.Equal(0, recording.SampleCount);
    }

    private int SampleRate(string voice) => Flite.Voices.Single(v => v.NativeName == voice).SampleRate;

    private double Duration(string voice, float rate)
        => PcmRecording.Of(Flite, voice, Texts.Sentence, new Prosody(rate, 1f)).Seconds(SampleRate(voice));

    private double F0(string voice, float pitch)
        => PcmAnalysis.MedianF0(PcmRecording.Of(Flite, voice, Texts.Sentence, new Prosody(1f, pitch)).Samples, SampleRate(voice));
}
