using System.Diagnostics;
using Orator.Core.Engines;
using Orator.Core.Errors;
using Orator.Engines.EspeakNg;
using Orator.Engines.Tests.Support;

namespace Orator.Engines.Tests.EspeakNg;

[Collection(NativeEnginesGroup.Name)]
public sealed class EspeakSynthesizerTests(NativeEngines engines)
{
    private const int SampleRate = 22050;
    private const string Sentence = Texts.Sentence;

    private EspeakSynthesizer Espeak => engines.Espeak;

    [Fact]
    public void Lists_at_least_fifty_voices_named_by_language_tag()
    {
        var names = Espeak.Voices.Select(voice => voice.NativeName).ToList();

        Assert.True(names.Count >= 50, $"only {names.Count} voices");
        Assert.Equal(names.Count, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Contains("en-us", names);
        Assert.Contains("en-gb", names);
        Assert.Contains("fr-fr", names);
        Assert.Contains("de", names);
        Assert.Contains("cmn", names);
        Assert.All(Espeak.Voices, voice =>
        {
            Assert.Equal("espeak", voice.EngineId);
            Assert.Equal(SampleRate, voice.SampleRate);
            Assert.False(string.IsNullOrWhiteSpace(voice.DisplayName));
        });
    }

    [Fact]
    public void Voices_carry_bcp47_language_tags_and_readable_names()
    {
        var enGb = Espeak.Voices.Single(voice => voice.NativeName == "en-gb");

        Assert.Equal("en-GB", enGb.Language);
        Assert.Equal("English (Great Britain)", enGb.DisplayName);
        Assert.Equal(VoiceGender.Male, enGb.Gender);
    }

    [Fact]
    public void Voices_sharing_a_language_get_distinct_names()
    {
        var cantonese = Espeak.Voices.Where(voice => voice.Language == "yue").Select(voice => voice.NativeName).ToList();

        Assert.Equal(["yue", "yue-latn-jyutping"], cantonese);
    }

    [Theory]
    [InlineData("en-us")]
    [InlineData("en-gb")]
    [InlineData("de")]
    public void Speaks_a_ten_word_sentence_as_audible_speech_of_plausible_length(string voice)
    {
        var recording = PcmRecording.Of(Espeak, voice, Sentence);

        Assert.InRange(recording.Seconds(SampleRate), 1.5, 6);
        Assert.True(PcmAnalysis.Rms(recording.Samples) > 300, "the audio should not be silent");
    }

    [Fact]
    public void Streams_a_long_text_in_many_chunks()
    {
        var recording = PcmRecording.Of(Espeak, "en-us", Texts.Long);

        Assert.True(recording.Chunks > 20, $"expected many chunks, got {recording.Chunks}");
    }

    [Fact]
    public void Rate_two_halves_the_duration_and_rate_half_doubles_it()
    {
        var normal = Duration(1f);

        Assert.InRange(Duration(2f) / normal, 0.5 * 0.9, 0.5 * 1.1);
        Assert.InRange(Duration(0.5f) / normal, 2 * 0.9, 2 * 1.1);
    }

    [Fact]
    public void The_ends_of_its_rate_range_stay_within_twenty_percent()
    {
        var range = Espeak.Voices.Single(voice => voice.NativeName == "en-us").RateRange;
        var normal = Duration(1f);

        Assert.Equal(80f / 175f, range.Min, 3);
        Assert.Equal(4f, range.Max);
        Assert.InRange(Duration(range.Min) / normal, 1 / range.Min * 0.8, 1 / range.Min * 1.2);
        Assert.InRange(Duration(range.Max) / normal, 1 / range.Max * 0.8, 1 / range.Max * 1.2);
    }

    [Fact]
    public void Pitch_one_point_three_raises_the_measured_fundamental()
    {
        var normal = F0(1f);
        var raised = F0(1.3f);

        Assert.True(normal > 50, "no pitch measured");
        Assert.InRange(raised / normal, 1.2, 1.4);
    }

    [Fact]
    public void Pitch_below_one_lowers_the_measured_fundamental()
        => Assert.InRange(F0(0.8f) / F0(1f), 0.72, 0.88);

    [Fact]
    public void Returning_false_from_the_callback_stops_synthesis_early()
    {
        var full = PcmRecording.Of(Espeak, "en-us", Texts.Long);

        var watch = Stopwatch.StartNew();
        var stopped = PcmRecording.Of(Espeak, "en-us", Texts.Long, stopAfterChunks: 1);
        watch.Stop();

        Assert.Equal(1, stopped.Chunks);
        Assert.True(stopped.SampleCount < full.SampleCount / 10, $"{stopped.SampleCount} of {full.SampleCount} samples");
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"stopping took {watch.Elapsed}");
    }

    [Fact]
    public void A_stopped_synthesis_leaves_nothing_behind_for_the_next_call()
    {
        var before = PcmRecording.Of(Espeak, "en-us", Sentence);
        PcmRecording.Of(Espeak, "en-us", Texts.Long, stopAfterChunks: 2);
        var after = PcmRecording.Of(Espeak, "en-us", Sentence);

        AssertSameSpeech(before, after);
    }

    [Fact]
    public void Switching_voices_between_calls_really_changes_the_voice()
    {
        // Numbers are read in each language's own words, so the durations differ clearly
        // (espeak-ng varies by under 1% between runs of the same voice).
        const string text = "Zoo 2024 the 99 things.";

        var english = PcmRecording.Of(Espeak, "en-gb", text).Seconds(SampleRate);
        var german = PcmRecording.Of(Espeak, "de", text).Seconds(SampleRate);
        var french = PcmRecording.Of(Espeak, "fr-fr", text).Seconds(SampleRate);
        var englishAgain = PcmRecording.Of(Espeak, "en-gb", text).Seconds(SampleRate);

        Assert.True(german / english > 1.1, $"en-gb {english:F2} s, de {german:F2} s");
        Assert.True(french / english < 0.95, $"en-gb {english:F2} s, fr-fr {french:F2} s");
        Assert.InRange(englishAgain / english, 0.97, 1.03);
    }

    [Fact]
    public void Each_call_starts_from_the_voices_own_tempo_and_pitch()
    {
        var before = PcmRecording.Of(Espeak, "en-us", Sentence);
        PcmRecording.Of(Espeak, "en-us", Sentence, new Prosody(3f, 1.8f));
        var after = PcmRecording.Of(Espeak, "en-us", Sentence);

        AssertSameSpeech(before, after);
    }

    [Theory]
    [InlineData("xx-nowhere")]
    [InlineData("")]
    [InlineData("English_(Great_Britain)")]
    public void Unknown_voice_names_throw_engine_unavailable_and_leave_the_engine_usable(string voice)
    {
        var english = PcmRecording.Of(Espeak, "en-gb", Sentence);

        Assert.Throws<EngineUnavailableException>(() => PcmRecording.Of(Espeak, voice, Sentence));

        AssertSameSpeech(english, PcmRecording.Of(Espeak, "en-gb", Sentence));
    }

    [Fact]
    public void Voice_names_are_matched_without_regard_to_case()
        => AssertSameSpeech(PcmRecording.Of(Espeak, "fr-fr", Sentence), PcmRecording.Of(Espeak, "FR-FR", Sentence));

    [Fact]
    public void Unicode_text_with_emoji_and_nul_characters_is_spoken()
    {
        var recording = PcmRecording.Of(Espeak, "fr-fr", "Ça coûte 5 € — « très » cher 😀 \0 voilà.");

        Assert.InRange(recording.Seconds(SampleRate), 1, 10);
    }

    [Fact]
    public void Markup_is_read_as_text_not_interpreted()
    {
        var plain = PcmRecording.Of(Espeak, "en-us", "one two three");
        var marked = PcmRecording.Of(Espeak, "en-us", "one <break time=\"3s\"/> two three");

        Assert.True(marked.Seconds(SampleRate) < plain.Seconds(SampleRate) + 2.5);
    }

    /// <summary>espeak-ng is not sample-exact between runs: compare duration and pitch.</summary>
    private static void AssertSameSpeech(PcmRecording expected, PcmRecording actual)
    {
        Assert.InRange(actual.Seconds(SampleRate) / expected.Seconds(SampleRate), 0.97, 1.03);
        Assert.InRange(PcmAnalysis.MedianF0(actual.Samples, SampleRate) / PcmAnalysis.MedianF0(expected.Samples, SampleRate), 0.95, 1.05);
    }

    private double Duration(float rate)
        => PcmRecording.Of(Espeak, "en-us", Sentence, new Prosody(rate, 1f)).Seconds(SampleRate);

    private double F0(float pitch)
        => PcmAnalysis.MedianF0(PcmRecording.Of(Espeak, "en-us", Sentence, new Prosody(1f, pitch)).Samples, SampleRate);
}
