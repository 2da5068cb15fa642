using Orator.Core.Audio;
using Orator.Core.Engines;
using Orator.Speech.Backends;
using Orator.Speech.Planning;
using Orator.Speech.Requests;
using Orator.Speech.Tests.Support;
using Orator.Text;
using Orator.Text.Normalization;

namespace Orator.Speech.Tests.Planning;

[Collection(LocalSpeechCollection.Name)]
public sealed class SpeechPlannerTests(LocalSpeechFixture fixture)
{
    private SpeechPlanner Planner => fixture.Speech.Planner;

    [Fact]
    public void An_unknown_model_is_a_404_naming_the_model()
    {
        var result = Planner.Plan(TestRequests.Speech("Hello.", model: "tts-9"));

        Assert.Null(result.Plan);
        Assert.Equal(404, result.Error!.StatusCode);
        Assert.Equal("model", result.Error.Param);
        Assert.Equal("model_not_found", result.Error.Code);
        Assert.Contains("tts-9", result.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_voice_is_a_400_naming_the_voice_and_the_model()
    {
        var result = Planner.Plan(TestRequests.Speech("Hello.", voice: "nobody"));

        Assert.Equal(400, result.Error!.StatusCode);
        Assert.Equal("voice", result.Error.Param);
        Assert.Contains("'nobody'", result.Error.Message, StringComparison.Ordinal);
        Assert.Contains("'tts-1'", result.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_dated_mini_tts_alias_plans_on_the_model_it_names()
    {
        var model = Planner.FindModel("gpt-4o-mini-tts-2025-12-15");
        var result = Planner.Plan(TestRequests.Speech("Hello.", model: "gpt-4o-mini-tts-2025-12-15"), model);

        Assert.Equal("gpt-4o-mini-tts", model!.Id);
        Assert.Equal("gpt-4o-mini-tts", result.Plan!.Model.Id);
    }

    [Fact]
    public void An_openai_voice_on_tts_1_is_rendered_locally_by_flite_as_pcm()
    {
        var plan = Planner.Plan(TestRequests.Speech("Hello there.")).Plan!;

        Assert.Equal("flite:slt", plan.Voice.Voice.QualifiedId);
        Assert.Equal(LocalEngineBackend.LocalId, plan.Backend.Id);
        var audio = plan.Backend.AudioFor(plan);
        Assert.True(audio.IsPcm);
        Assert.Equal(plan.Voice.Voice.SampleRate, audio.SampleRate);
        Assert.Equal(24000, plan.OutputSampleRate);
    }

    [Fact]
    public void English_text_is_normalized_with_the_voice_conventions_before_it_is_split()
    {
        var plan = Planner.Plan(TestRequests.Speech("The fee is $3.50. It rose 12% today.")).Plan!;

        Assert.Equal(EnglishLocale.Us, plan.Spoken.NormalizedAs);
        Assert.Contains("three dollars and fifty cents", plan.Spoken.Text, StringComparison.Ordinal);
        Assert.Equal(2, plan.Spoken.Chunks.Count);
        Assert.Contains("twelve percent", plan.Spoken.Chunks[1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Normalization_off_hands_the_text_to_the_engine_as_written()
    {
        var request = TestRequests.Speech("The fee is $3.50.") with { Normalization = new NormalizationSetting(false, null) };
        var plan = Planner.Plan(request).Plan!;

        Assert.Null(plan.Spoken.NormalizedAs);
        Assert.Equal("The fee is $3.50.", plan.Spoken.Text);
    }

    [Fact]
    public void Each_chunk_is_followed_by_the_pause_of_its_break_and_the_last_by_none()
    {
        var plan = Planner.Plan(TestRequests.Speech("First sentence here. Second one follows.\n\nA new paragraph.")).Plan!;

        Assert.Equal([ChunkBreak.Sentence, ChunkBreak.Paragraph, ChunkBreak.End], plan.Spoken.Chunks.Select(c => c.Break));
        Assert.Equal([TimeSpan.FromMilliseconds(280), TimeSpan.FromMilliseconds(650), TimeSpan.Zero], plan.PausesAfter);
    }

    [Fact]
    public void A_faster_engine_tempo_shortens_the_inserted_pauses_by_the_same_factor()
    {
        var plan = Planner.Plan(TestRequests.Speech("First sentence here. Second one follows.\n\nA new paragraph.", speed: 2.0)).Plan!;

        Assert.Equal(2f, plan.EngineProsody.Rate);
        Assert.Equal(1f, plan.ResidualTempo);
        Assert.Equal(TimeSpan.FromMilliseconds(140), plan.PausesAfter[0]);
    }

    [Fact]
    public void A_tempo_the_engine_cannot_reach_is_left_to_the_time_stretcher()
    {
        var voice = Planner.Catalog.Engines.Single(e => e.Id == EngineIds.Espeak).Voices[0];
        var plan = Planner.Plan(TestRequests.Speech("Hello.", voice: voice.QualifiedId, model: "espeak", speed: 0.25)).Plan!;

        Assert.Equal(voice.RateRange.Min, plan.EngineProsody.Rate);
        Assert.Equal(0.25f / voice.RateRange.Min, plan.ResidualTempo, 3);
    }

    [Fact]
    public void Instructions_become_tempo_loudness_and_a_report_of_what_was_ignored()
    {
        var plan = Planner.Plan(TestRequests.Speech("Hello.", instructions: "Speak slowly and softly. Talk like a pirate.")).Plan!;

        Assert.Equal(0.8f, plan.EngineProsody.Rate, 3);
        Assert.Equal(0.6f, plan.Instructions.Gain, 3);
        Assert.Contains("slower", plan.Instructions.Applied);
        Assert.Contains("Talk like a pirate", plan.Instructions.Ignored);
        Assert.Equal("Speak slowly and softly. Talk like a pirate.", plan.InstructionText);
    }

    [Fact]
    public void A_neural_voice_without_native_pitch_is_read_at_a_shifted_rate_and_the_tempo_compensated()
    {
        var request = TestRequests.Speech("Hello.", voice: "af_bella", model: "kokoro", instructions: "higher");
        var plan = Planner.Plan(request).Plan!;

        Assert.False(plan.Voice.Voice.NativePitch);
        Assert.Equal(1f, plan.EngineProsody.Pitch);
        Assert.Equal(27600, plan.PipelineSampleRate);
        Assert.Equal(24000f / 27600f, plan.ResidualTempo, 3);
    }

    [Fact]
    public void The_text_plan_is_what_the_speech_plan_speaks()
    {
        var model = Planner.FindModel("tts-1");
        var text = Planner.PlanText(new NormalizeRequest { Input = "Chapter IV costs $5.", Voice = "fable" }, model).Plan!;
        var speech = Planner.Plan(TestRequests.Speech("Chapter IV costs $5.", voice: "fable")).Plan!;

        Assert.Equal(speech.Spoken.Text, text.Spoken.Text);
        Assert.Equal(speech.Spoken.Chunks, text.Spoken.Chunks);
        Assert.Equal(speech.Voice.Voice, text.Voice.Voice);
    }

    [Fact]
    public void Every_available_format_plans()
    {
        foreach (var entry in AudioFormats.All)
        {
            var result = Planner.Plan(TestRequests.Speech("Hello.", format: entry.Format));
            Assert.True(result.Plan is not null, $"{entry.Name}: {result.Error?.Message}");
            Assert.Equal(entry.Format, result.Plan!.Format);
        }
    }
}
